// "Get quotes" in words: the typed reasons of the quotes service (why no carrier can quote, what
// the live rates lack, why a carrier answered nothing) translated, each with the Edit Draft field
// that fixes it and the label of the button that takes the operator there. One message per field:
// a weight both the rate cards and the live rates lack is named once.
import { CARRIERS, type Carrier } from "@/domain/carrier-registry";
import { quoteProblemField } from "@/domain/draft-form";
import type { MissingRateField } from "@/domain/live-rate-request";
import type { QuoteBlocker } from "@/domain/quotes";
import type { CarrierErrorCode } from "@/server/carriers/api";
import type { MessageKey } from "@/i18n/message-keys";

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;
/** Joins names the way the language does ("A, B and C", "A, B e C"). */
type JoinList = (items: string[]) => string;

/** A reason shown in the quotes card; `field` is the form field to go to, `fix` its button's label. */
export interface QuoteProblemView {
  text: string;
  field: string | null;
  fix: string | null;
}

export interface QuoteOutcomeInput {
  available: number;
  live: number;
  blockers: QuoteBlocker[];
  carrierBlockers: QuoteBlocker[];
  notices: { carrier: Carrier; code: CarrierErrorCode; message: string | null }[];
  missing: MissingRateField[];
}

export interface QuoteOutcomeView {
  /** Nothing could be quoted: `message` says so and `problems` say why. */
  blocked: boolean;
  message: string;
  problems: QuoteProblemView[];
}

const FIX: Partial<Record<QuoteBlocker["code"] | MissingRateField["field"], MessageKey>> = {
  missingWeight: "quotes.fix.weight",
  parcelWeight: "quotes.fix.weight",
  parcels: "quotes.fix.weight",
  overLimit: "quotes.fix.correctWeight",
  parcelDimensions: "quotes.fix.dimensions",
  noDestination: "quotes.fix.country",
  destinationCountry: "quotes.fix.country",
  domesticDestination: "quotes.fix.correctCountry",
  unknownCountry: "quotes.fix.correctCountry",
  noZone: "quotes.fix.correctCountry",
  recipientCity: "quotes.fix.city",
  recipientPostalCode: "quotes.fix.postalCode",
  declaredValue: "quotes.fix.value",
};

function blockerText(t: Translate, list: JoinList, blocker: QuoteBlocker): string {
  switch (blocker.code) {
    case "missingWeight":
      return t("quotes.blockers.missingWeight", { parcel: blocker.parcel });
    case "overLimit":
      return t("quotes.blockers.overLimit", {
        parcel: blocker.parcel,
        weightKg: blocker.weightKg,
        limits: list(
          blocker.limits.map(({ carrier, limitKg }) =>
            t("quotes.blockers.limit", { carrier: CARRIERS[carrier].name, limitKg }),
          ),
        ),
      });
    case "noZone":
      return t("quotes.blockers.noZone", {
        carriers: list(blocker.carriers.map((carrier) => CARRIERS[carrier].name)),
        country: blocker.country,
      });
    case "unknownCountry":
      return t("quotes.blockers.unknownCountry", { country: blocker.country });
    default:
      return t(`quotes.blockers.${blocker.code}`);
  }
}

export function describeQuoteOutcome(t: Translate, list: JoinList, outcome: QuoteOutcomeInput): QuoteOutcomeView {
  const problems: QuoteProblemView[] = [];
  const pointed = new Set<string>();
  const add = (text: string, code: QuoteBlocker["code"] | MissingRateField["field"] | null) => {
    const field = code ? quoteProblemField(code) : null;
    if (field && pointed.has(field)) return;
    if (field) pointed.add(field);
    const fix = code ? FIX[code] : undefined;
    problems.push({ text, field, fix: field && fix ? t(fix) : null });
  };
  for (const blocker of [...outcome.blockers, ...outcome.carrierBlockers])
    add(blockerText(t, list, blocker), blocker.code);
  for (const missing of outcome.missing) {
    const field = t(`quotes.fields.${missing.field}`, { parcel: "parcel" in missing ? missing.parcel : 0 });
    add(t("quotes.liveNeeds", { field }), missing.field);
  }
  for (const notice of outcome.notices) {
    const reason = t(`carriers.errors.${notice.code}`, {
      carrier: CARRIERS[notice.carrier].name,
      message: notice.message ?? "",
    });
    add(t("quotes.liveMissing", { reason }), null);
  }

  if (outcome.available === 0) {
    return {
      blocked: true,
      message: problems.length > 0 ? t("quotes.blockedTitle") : t("quotes.noneAvailable"),
      problems,
    };
  }
  const cards = outcome.available - outcome.live;
  return {
    blocked: false,
    message:
      outcome.live > 0
        ? t("quotes.quotedLive", { count: outcome.available, live: outcome.live, cards })
        : t("quotes.quoted", { count: outcome.available }),
    problems,
  };
}
