import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en.json";
import ptBR from "@/i18n/messages/pt-BR.json";
import { describeQuoteOutcome, type QuoteOutcomeInput } from "./quote-outcome";

const english = createTranslator({ locale: "en", messages: en });
const portuguese = createTranslator({ locale: "pt-BR", messages: ptBR });
const inEnglish = (items: string[]) => createFormatter({ locale: "en" }).list(items);
const inPortuguese = (items: string[]) => createFormatter({ locale: "pt-BR" }).list(items);
const nothing: QuoteOutcomeInput = {
  available: 0,
  live: 0,
  blockers: [],
  carrierBlockers: [],
  notices: [],
  missing: [],
};

describe("the words of a quote answer", () => {
  it("names the missing weight once, with the field to go to, though cards and live rates both lack it", () => {
    const outcome: QuoteOutcomeInput = {
      ...nothing,
      blockers: [{ code: "missingWeight", parcel: 1 }],
      missing: [{ field: "parcelWeight", parcel: 1 }, { field: "recipientPostalCode" }],
    };
    expect(describeQuoteOutcome(english, inEnglish, outcome)).toEqual({
      blocked: true,
      message: "No carrier can quote this shipment yet. Correct the form, save it, and quote again:",
      problems: [
        {
          text: "Parcel 1 has no weight: no carrier can quote it without one.",
          field: "parcel.weightKg",
          fix: "Enter the weight",
        },
        {
          text: "No live rates: the carriers need the recipient's postal code.",
          field: "recipient.postalCode",
          fix: "Enter the postal code",
        },
      ],
    });
    expect(describeQuoteOutcome(portuguese, inPortuguese, outcome).problems[0]).toEqual({
      text: "O volume 1 está sem peso: nenhuma transportadora cota sem ele.",
      field: "parcel.weightKg",
      fix: "Informar o peso",
    });
  });

  it("gives each carrier's limit where they differ", () => {
    const outcome: QuoteOutcomeInput = {
      ...nothing,
      blockers: [
        {
          code: "overLimit",
          parcel: 1,
          weightKg: 75,
          limits: [
            { carrier: "fedex", limitKg: 68 },
            { carrier: "correios", limitKg: 30 },
          ],
        },
      ],
    };
    expect(describeQuoteOutcome(english, inEnglish, outcome).problems).toEqual([
      {
        text: "Parcel 1 weighs 75 kg, over the per-parcel limit of FedEx (68 kg) and Correios (30 kg).",
        field: "parcel.weightKg",
        fix: "Correct the weight",
      },
    ]);
    expect(describeQuoteOutcome(portuguese, inPortuguese, outcome).problems[0].text).toBe(
      "O volume 1 pesa 75 kg, acima do limite por volume de FedEx (68 kg) e Correios (30 kg).",
    );
  });

  it("quotes with a note on the carrier that is absent, and a carrier's failure without a field", () => {
    const view = describeQuoteOutcome(english, inEnglish, {
      available: 5,
      live: 2,
      blockers: [],
      carrierBlockers: [{ code: "overLimit", parcel: 1, weightKg: 40, limits: [{ carrier: "correios", limitKg: 30 }] }],
      notices: [{ carrier: "fedex", code: "rateLimited", message: null }],
      missing: [],
    });
    expect(view.blocked).toBe(false);
    expect(view.message).toBe(
      "5 quotes: 2 live rates from your carrier accounts and 3 estimates from your rate cards.",
    );
    expect(view.problems).toEqual([
      {
        text: "Parcel 1 weighs 40 kg, over the per-parcel limit of Correios (30 kg).",
        field: "parcel.weightKg",
        fix: "Correct the weight",
      },
      {
        text: "No live rates: FedEx is receiving too many requests from this account. Try again in a minute.",
        field: null,
        fix: null,
      },
    ]);
  });

  it("says so plainly when nothing can be quoted and there is no reason to point at", () => {
    expect(describeQuoteOutcome(portuguese, inPortuguese, nothing)).toEqual({
      blocked: true,
      message: "Nenhuma tabela de frete atende este envio.",
      problems: [],
    });
  });
});
