// Optional persistence of the emulator's state to a JSON file, so that a restarted dev
// emulator keeps its stores, orders and the tokens it issued.
import fs from "node:fs";
import path from "node:path";
import { LeakyBucket, PLAN_LIMITS } from "./bucket";
import { EmulatorState, type AppCredentials, type ShopState } from "./state";

interface Snapshot {
  version: 1;
  shops: Omit<ShopState, "ordersById" | "bucket" | "bulkOperations">[];
  accessTokens: EmulatorState["accessTokens"] extends Map<string, infer T> ? T[] : never;
  refreshTokens: EmulatorState["refreshTokens"] extends Map<string, infer T> ? T[] : never;
}

export function saveSnapshot(state: EmulatorState, file: string) {
  const snapshot: Snapshot = {
    version: 1,
    shops: [...state.shops.values()].map(({ ordersById: _o, bucket: _b, bulkOperations: _bo, ...shop }) => shop),
    accessTokens: [...state.accessTokens.values()],
    refreshTokens: [...state.refreshTokens.values()],
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(snapshot));
  fs.renameSync(temporary, file); // atomic: a crash never leaves half a snapshot
}

export function loadSnapshot(file: string, app: AppCredentials): EmulatorState | null {
  if (!fs.existsSync(file)) return null;
  const snapshot = JSON.parse(fs.readFileSync(file, "utf8")) as Snapshot;
  if (snapshot.version !== 1) return null;
  const state = new EmulatorState(app);
  for (const saved of snapshot.shops) {
    const shop = state.createShop(saved.profile, saved.orders);
    Object.assign(shop, {
      nextId: saved.nextId,
      nextOrderNumber: saved.nextOrderNumber,
      installed: saved.installed,
      grantedScopes: saved.grantedScopes,
      webhooks: saved.webhooks,
      faults: saved.faults,
      bucket: new LeakyBucket(PLAN_LIMITS[saved.profile.plan]),
    });
  }
  for (const token of snapshot.accessTokens) state.accessTokens.set(token.token, token);
  for (const token of snapshot.refreshTokens) state.refreshTokens.set(token.token, token);
  return state;
}
