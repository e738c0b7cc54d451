import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./hsts";

describe("Strict-Transport-Security", () => {
  it("is sent in production when APP_URL is https", () => {
    expect(strictTransportSecurity({ production: true, appUrl: "https://ship.example.com" })).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("is not sent over http, nor outside production", () => {
    expect(strictTransportSecurity({ production: true, appUrl: "http://127.0.0.1:3100" })).toBeNull();
    expect(strictTransportSecurity({ production: false, appUrl: "https://ship.example.com" })).toBeNull();
    expect(strictTransportSecurity({ production: true, appUrl: "not a url" })).toBeNull();
  });
});
