// The offline session of an emulator store installed directly (tokens issued by the emulator's
// state, not through the OAuth dance, which is not what the benchmarks measure).
import { Session } from "@shopify/shopify-api";
import type { Emulator } from "../../src/emulator/server";

export function installedSession(emulator: Emulator, domain: string, scopes: readonly string[]): Session {
  const shop = emulator.state.shop(domain)!;
  shop.installed = true;
  shop.grantedScopes = [...scopes];
  const { access, refresh } = emulator.state.issueTokens(domain, scopes.join(","), true);
  return new Session({
    id: `offline_${domain}`,
    shop: domain,
    state: "",
    isOnline: false,
    accessToken: access.token,
    refreshToken: refresh!.token,
    expires: new Date(access.expiresAt!),
    refreshTokenExpires: new Date(refresh!.expiresAt),
  });
}
