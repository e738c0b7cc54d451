import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/domain/roles";
import en from "../i18n/messages/en.json";
import pt from "../i18n/messages/pt-BR.json";
import { SHIPMENT_FIELDS } from "./carriers";
import type { ShipmentProblem } from "./shipment-problem";
import { problemMessage } from "./problem-messages";

const translate = (messages: typeof en, locale: Locale) => {
  const t = createTranslator({ locale, messages });
  return (problem: ShipmentProblem) => {
    const { key, values, labelKey } = problemMessage(problem);
    return t(key as never, { ...values, label: t(labelKey as never) } as never) as string;
  };
};

describe("problemMessage", () => {
  const above: ShipmentProblem = {
    field: "nfeKey",
    code: "aboveLimit",
    values: { amount: 6000, currency: "BRL", usd: 1111.11, rateDate: "2026-11-30", rate: "5.4000" },
  };

  it("says why the NF-e key is required above US$ 1,000, in both languages", () => {
    expect(translate(en, "en")(above)).toBe(
      "NF-e key required above US$ 1,000 (BRL 6,000.00 = US$ 1,111.11 at PTAX of 2026-11-30)",
    );
    expect(translate(pt, "pt-BR")(above)).toBe(
      "Chave da NF-e obrigatória acima de US$ 1.000 (BRL 6.000,00 = US$ 1.111,11 pela PTAX de 2026-11-30)",
    );
  });

  it("names the field in the reader's language", () => {
    expect(translate(en, "en")({ field: "hsCode", code: "required", line: 1 })).toBe("HS code is missing.");
    expect(translate(pt, "pt-BR")({ field: "hsCode", code: "required", line: 1 })).toBe("Código HS: não informado.");
  });

  it("reuses the key validator's messages for an invalid key", () => {
    const problem: ShipmentProblem = { field: "nfeKey", code: "checkDigit", values: { expected: 9, actual: "8" } };
    expect(problemMessage(problem).key).toBe("nfe.errors.checkDigit");
    expect(translate(en, "en")(problem)).toMatch(/check digit should be 9, not 8/);
  });

  it("has a message in both languages for every field and code the rules produce", () => {
    const codes = ["required", "invalid", "tooShort", "tooLong", "notPositive", "outOfRange", "overLimit", "unknown"];
    for (const messages of [en, pt]) {
      const t = translate(messages, messages === en ? "en" : "pt-BR");
      for (const field of SHIPMENT_FIELDS)
        for (const code of codes) {
          const text = t({
            field,
            code,
            values: { part: "name", length: 5000, max: 100, weightKg: 40, limitKg: 30 },
          } as ShipmentProblem);
          expect(text, `${field}.${code}`).not.toMatch(/problems\.|fields\.|\{/);
        }
    }
  });
});
