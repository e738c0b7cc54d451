import "server-only";
// Shopify sessions in the shopify_sessions table through @shopify/shopify-app-session-storage-drizzle,
// with the access and refresh tokens encrypted at rest (AES-256-GCM, bound to the session id).
// Constructed per database handle, so a refresh can store the new pair inside its transaction.
import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import { DrizzleSessionStoragePostgres } from "@shopify/shopify-app-session-storage-drizzle";
import { decryptSecret, encryptSecret } from "../crypto";
import type { Db } from "../db/client";
import { shopifySessions } from "../db/schema";

export function offlineSessionId(shop: string): string {
  return `offline_${shop}`;
}

/** A copy of the session with both tokens passed through `transform` (bound to the session id). */
function mapTokens(session: Session, transform: (token: string, boundTo: string) => string): Session {
  const params = session.toObject();
  return new Session({
    ...params,
    accessToken: params.accessToken ? transform(params.accessToken, session.id) : params.accessToken,
    refreshToken: params.refreshToken ? transform(params.refreshToken, `${session.id}:refresh`) : params.refreshToken,
  });
}

const seal = (session: Session) => mapTokens(session, encryptSecret);
const open = (session: Session) => mapTokens(session, decryptSecret);

export class EncryptedSessionStorage implements SessionStorage {
  private readonly inner: DrizzleSessionStoragePostgres;

  constructor(db: Db) {
    // The adapter's table type names its table "session"; ours has the same 17 columns.
    this.inner = new DrizzleSessionStoragePostgres(db, shopifySessions as never);
  }

  storeSession(session: Session): Promise<boolean> {
    return this.inner.storeSession(seal(session));
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const session = await this.inner.loadSession(id);
    return session && open(session);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    return (await this.inner.findSessionsByShop(shop)).map(open);
  }
}
