import { describe, expect, it } from "vitest";
import { PTAX_DEFAULT_URL, ptaxApiUrl } from "../env";

describe("PTAX_API_URL", () => {
  const emulator = "http://127.0.0.1:4020/olinda/servico/PTAX/versao/v1/odata/";

  it("is the Banco Central's service when unset, and the emulator's in development", () => {
    expect(ptaxApiUrl({ NODE_ENV: "production" })).toBe(PTAX_DEFAULT_URL);
    expect(ptaxApiUrl({ NODE_ENV: "development", PTAX_API_URL: emulator })).toBe(emulator);
  });

  it("is refused in production when it points at an emulator, unless the test harness allows loopback ones", () => {
    expect(() => ptaxApiUrl({ NODE_ENV: "production", PTAX_API_URL: emulator })).toThrow(/production refuses/);
    expect(ptaxApiUrl({ NODE_ENV: "production", PTAX_API_URL: emulator, ALLOW_EMULATORS_IN_PRODUCTION: "1" })).toBe(
      emulator,
    );
    expect(ptaxApiUrl({ NODE_ENV: "production", PTAX_API_URL: "https://mirror.example.com/odata" })).toBe(
      "https://mirror.example.com/odata/",
    );
  });
});
