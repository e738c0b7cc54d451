import { describe, expect, it } from "vitest";
import { missingProductionEnv, trustedProxyHops } from "./env";

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
