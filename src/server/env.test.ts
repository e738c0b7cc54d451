import { describe, expect, it } from "vitest";
import { missingProductionEnv } from "./env";

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
