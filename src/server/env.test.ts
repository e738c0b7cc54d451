import { describe, expect, it } from "vitest";
import {
  carrierEmulatorUrl,
  missingProductionEnv,
  refusedEmulatorVariables,
  settings,
  shopifyEmulatorUrl,
  trustedProxyHops,
} from "./env";

describe("missingProductionEnv", () => {
  const complete = {
    AUTH_SECRET: "s",
    APP_URL: "https://app.example.com",
    APP_ENCRYPTION_KEY: "k",
    SHOPIFY_API_KEY: "key",
    SHOPIFY_API_SECRET: "secret",
  };

  it("is empty when everything is set", () => {
    expect(missingProductionEnv(complete)).toEqual([]);
  });

  it("accepts NEXTAUTH_SECRET instead of AUTH_SECRET", () => {
    const { AUTH_SECRET: _, ...rest } = complete;
    expect(missingProductionEnv({ ...rest, NEXTAUTH_SECRET: "s" })).toEqual([]);
  });

  it("names each missing variable", () => {
    expect(missingProductionEnv({ APP_URL: "x" })).toEqual([
      "AUTH_SECRET or NEXTAUTH_SECRET",
      "APP_ENCRYPTION_KEY",
      "SHOPIFY_API_KEY",
      "SHOPIFY_API_SECRET",
    ]);
  });
});

describe("trustedProxyHops", () => {
  it("is 0 (the socket address) unless set", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "" })).toBe(0);
  });

  it("reads a whole number of hops", () => {
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: " 1 " })).toBe(1);
  });

  it("refuses anything else, naming the variable", () => {
    for (const value of ["-1", "one", "1.5", "100"]) {
      expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: value })).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });
});

describe("emulators in production", () => {
  it("names SHOPIFY_EMULATOR_URL, whatever its host", () => {
    expect(refusedEmulatorVariables({ SHOPIFY_EMULATOR_URL: "http://127.0.0.1:4010" })).toEqual([
      "SHOPIFY_EMULATOR_URL",
    ]);
    expect(refusedEmulatorVariables({ SHOPIFY_EMULATOR_URL: "https://shopify.example.com" })).toEqual([
      "SHOPIFY_EMULATOR_URL",
    ]);
  });

  it("accepts the Banco Central's PTAX service or an https mirror, and names an emulator or plain-http PTAX_API_URL", () => {
    expect(refusedEmulatorVariables({})).toEqual([]);
    expect(
      refusedEmulatorVariables({ PTAX_API_URL: "https://olinda.bcb.gov.br/olinda/servico/PTAX/versao/v1/odata/" }),
    ).toEqual([]);
    expect(refusedEmulatorVariables({ PTAX_API_URL: "https://ptax-mirror.example.com/odata/" })).toEqual([]);
    for (const url of [
      "http://127.0.0.1:4020/olinda/servico/PTAX/versao/v1/odata/",
      "https://localhost:4020/odata/",
      "http://ptax.example.com/odata/",
      "not a url",
    ]) {
      expect(refusedEmulatorVariables({ PTAX_API_URL: url })).toEqual(["PTAX_API_URL"]);
    }
  });

  it("lets the test harness's escape hatch through for loopback emulators only", () => {
    const local = {
      SHOPIFY_EMULATOR_URL: "http://127.0.0.1:3501",
      PTAX_API_URL: "http://127.0.0.1:3502/olinda/servico/PTAX/versao/v1/odata/",
    };
    expect(refusedEmulatorVariables(local)).toEqual(["SHOPIFY_EMULATOR_URL", "PTAX_API_URL"]);
    expect(refusedEmulatorVariables({ ...local, ALLOW_EMULATORS_IN_PRODUCTION: "1" })).toEqual([]);
    expect(refusedEmulatorVariables({ ...local, ALLOW_EMULATORS_IN_PRODUCTION: "true" })).toHaveLength(2);
    expect(
      refusedEmulatorVariables({
        SHOPIFY_EMULATOR_URL: "http://shopify.attacker.example",
        ALLOW_EMULATORS_IN_PRODUCTION: "1",
      }),
    ).toEqual(["SHOPIFY_EMULATOR_URL"]);
  });

  it("refuses to hand the Shopify client an emulator URL in production, whichever process asks", () => {
    const url = "http://127.0.0.1:4010";
    expect(shopifyEmulatorUrl({ NODE_ENV: "development", SHOPIFY_EMULATOR_URL: url })).toBe(url);
    expect(shopifyEmulatorUrl({ NODE_ENV: "production" })).toBeUndefined();
    expect(() => shopifyEmulatorUrl({ NODE_ENV: "production", SHOPIFY_EMULATOR_URL: url })).toThrow(
      /SHOPIFY_EMULATOR_URL is set in production/,
    );
    expect(
      shopifyEmulatorUrl({ NODE_ENV: "production", SHOPIFY_EMULATOR_URL: url, ALLOW_EMULATORS_IN_PRODUCTION: "1" }),
    ).toBe(url);
  });
});

describe("the carrier emulators", () => {
  it("are refused in production like the Shopify emulator, loopback ones allowed only through the harness's hatch", () => {
    const url = "http://127.0.0.1:4030/";
    expect(carrierEmulatorUrl({ NODE_ENV: "development", CARRIER_EMULATOR_URL: url })).toBe("http://127.0.0.1:4030");
    expect(carrierEmulatorUrl({ NODE_ENV: "production" })).toBeUndefined();
    expect(refusedEmulatorVariables({ CARRIER_EMULATOR_URL: url })).toEqual(["CARRIER_EMULATOR_URL"]);
    expect(() => carrierEmulatorUrl({ NODE_ENV: "production", CARRIER_EMULATOR_URL: url })).toThrow(
      /CARRIER_EMULATOR_URL is set in production/,
    );
    expect(
      carrierEmulatorUrl({ NODE_ENV: "production", CARRIER_EMULATOR_URL: url, ALLOW_EMULATORS_IN_PRODUCTION: "1" }),
    ).toBe("http://127.0.0.1:4030");
    expect(() =>
      carrierEmulatorUrl({
        NODE_ENV: "production",
        CARRIER_EMULATOR_URL: "http://carriers.attacker.example",
        ALLOW_EMULATORS_IN_PRODUCTION: "1",
      }),
    ).toThrow(/CARRIER_EMULATOR_URL/);
  });
});

describe("settings", () => {
  it("gives every setting its default when the environment is empty (an empty variable counts as unset)", () => {
    const defaults = settings({});
    expect(defaults).toEqual({
      databaseUrl: undefined,
      pgliteDir: ".data/pglite",
      databasePoolSize: 10,
      demoUsers: true,
      syncWorker: true,
      syncIntervalMinutes: 0,
      ptaxRefresh: true,
      trackingPollMinutes: 10,
      trackingClaimLimit: 200,
      nfeMetafield: { namespace: "nfe", key: "access_key" },
      nfeNoteAttribute: "nfe_access_key",
      shopifyEmulatorAutoconnect: undefined,
    });
    expect(settings({ DATABASE_URL: "", PGLITE_DIR: " ", NFE_METAFIELD_KEY: "" })).toEqual(defaults);
  });

  it("reads what is set", () => {
    const read = settings({
      DATABASE_URL: "postgres://db/app",
      DATABASE_POOL_SIZE: " 4 ",
      SYNC_WORKER: "off",
      PTAX_REFRESH: "off",
      DEMO_USERS: "off",
      SYNC_INTERVAL_MINUTES: "15",
      NFE_METAFIELD_NAMESPACE: "fiscal",
    });
    expect(read).toMatchObject({
      databaseUrl: "postgres://db/app",
      databasePoolSize: 4,
      syncWorker: false,
      ptaxRefresh: false,
      demoUsers: false,
      syncIntervalMinutes: 15,
      nfeMetafield: { namespace: "fiscal", key: "access_key" },
    });
  });

  it("refuses a malformed number, naming the variable", () => {
    expect(() => settings({ DATABASE_POOL_SIZE: "ten" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => settings({ SYNC_INTERVAL_MINUTES: "-5" })).toThrow(/SYNC_INTERVAL_MINUTES/);
    expect(() => settings({ TRACKING_CLAIM_LIMIT: "lots" })).toThrow(/TRACKING_CLAIM_LIMIT/);
  });

  it('reads TRACKING_POLL_MINUTES as minutes, with "off" and 0 both turning the poll off', () => {
    expect(settings({ TRACKING_POLL_MINUTES: "30" }).trackingPollMinutes).toBe(30);
    expect(settings({ TRACKING_POLL_MINUTES: "off" }).trackingPollMinutes).toBe(0);
    expect(settings({ TRACKING_POLL_MINUTES: "0" }).trackingPollMinutes).toBe(0);
    expect(() => settings({ TRACKING_POLL_MINUTES: "soon" })).toThrow(/TRACKING_POLL_MINUTES/);
  });
});
