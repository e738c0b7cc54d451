import { describe, expect, it } from "vitest";
import { MAX_URL_BYTES, isUrlTooLong } from "./request-limits";

const uuid = "0b0e5f7c-3c1a-4f7e-9d2b-6a8c1e4f2d90";

describe("URL length", () => {
  it("accepts up to 4,096 bytes of path and query and refuses one byte more", () => {
    const path = "/shipments?q=";
    expect(isUrlTooLong(path + "a".repeat(MAX_URL_BYTES - path.length))).toBe(false);
    expect(isUrlTooLong(path + "a".repeat(MAX_URL_BYTES - path.length + 1))).toBe(true);
    expect(isUrlTooLong(`/shipments?q=${"a".repeat(10_000)}`)).toBe(true);
  });

  it("counts bytes, not characters", () => {
    expect(isUrlTooLong(`/s?q=${"é".repeat(2046)}`)).toBe(true);
    expect(isUrlTooLong(`/s?q=${"e".repeat(2046)}`)).toBe(false);
  });

  it("leaves room for the longest URL the app builds: the documents of a full page of 100 shipments", () => {
    const ids = Array.from({ length: 100 }, () => uuid).join(",");
    expect(isUrlTooLong(`/shipments/documents?ids=${ids}&kind=invoices`)).toBe(false);
  });
});
