import { describe, expect, it } from "vitest";
import { acceptsPaperless, PAPERLESS_DESTINATIONS } from "./paperless";

describe("acceptsPaperless", () => {
  it("accepts a listed destination for each API carrier, whatever the case", () => {
    for (const carrier of ["ups", "fedex", "dhl"] as const) {
      expect(acceptsPaperless(carrier, "US")).toBe(true);
      expect(acceptsPaperless(carrier, " de ")).toBe(true);
    }
  });

  it("prints the invoice for a destination not listed, and always for Correios", () => {
    expect(acceptsPaperless("ups", "AR")).toBe(false);
    expect(acceptsPaperless("fedex", "")).toBe(false);
    expect(acceptsPaperless("correios", "US")).toBe(false);
  });

  it("lists only ISO 3166-1 alpha-2 codes, each once", () => {
    for (const list of Object.values(PAPERLESS_DESTINATIONS)) {
      expect(new Set(list).size).toBe(list.length);
      for (const code of list) expect(code).toMatch(/^[A-Z]{2}$/);
    }
  });
});
