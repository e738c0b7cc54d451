import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import ptBR from "./messages/pt-BR.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function leaf(messages: unknown, key: string): string {
  return key.split(".").reduce((node, part) => (node as Record<string, unknown>)[part], messages) as string;
}

describe("translations", () => {
  it("have the same keys in English and Brazilian Portuguese", () => {
    expect(keys(ptBR).sort()).toEqual(keys(en).sort());
  });

  it("use the reference product's Portuguese labels", () => {
    expect(ptBR.followUp.tabs.drafts).toBe("Incompletos (Rascunhos)");
    expect(ptBR.nav.quotationsShipments).toBe("Cotações e envios");
  });

  it("have no empty strings, and the same placeholders in both languages", () => {
    for (const key of keys(en)) {
      const english = leaf(en, key);
      const portuguese = leaf(ptBR, key);
      expect(english.trim(), key).not.toBe("");
      expect(portuguese.trim(), key).not.toBe("");
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\s*[},]/g)].map((m) => m[1]).sort();
      expect(placeholders(portuguese), key).toEqual(placeholders(english));
    }
  });
});
