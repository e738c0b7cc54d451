// Completeness of a shipment's own editable fields (docs/ARCHITECTURE.md, "Order to shipment"), run
// when an operator saves the Edit Draft form: the same rules `mapOrder` applies to a Shopify order
// — which fields the carrier requires (carriers.ts), and how each is checked (address-rules.ts,
// nfe-key.ts) — on the values the shipment now holds. A mapped shipment (order-mapping.ts) fits
// `ShipmentDraftInput` field for field, with its NF-e key as text.
import {
  countryCodeProblem,
  hsCodeProblem,
  isCurrencyCode,
  phoneProblem,
  postalCodeProblem,
  stateProblem,
} from "./address-rules";
import { type Carrier, CARRIER_IDS, CARRIERS } from "./carrier-registry";
import { nfeKeyReason, requiredFields, SHIPMENT_FIELDS, type ShipmentField } from "./carriers";
import { type CustomsDefaults, termProblem } from "./customs-terms";
import { type ExchangeRateUsed, type RateTable, toUsdCents, type UsdConversion } from "./exchange-rates";
import type { IsoDate } from "./calendar";
import { MAX_QUANTITY, MAX_UNIT_VALUE_CENTS } from "./bounds";
import { declaredCentsOf, formatCents, parseMoneyCents } from "./money";
import { validateNfeKey } from "./nfe-key";
import { nfeKeyProblem } from "./nfe-requirement";
import type { ShipmentProblem, ShipmentProblemCode } from "./shipment-problem";

export interface DraftRecipient {
  name: string | null;
  company: string | null;
  phone: string | null;
  email: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  postalCode: string | null;
  countryCode: string | null;
}

export interface DraftCustomsItem {
  description: string | null;
  sku: string | null;
  hsCode: string | null;
  quantity: number;
  /** Decimal string ("129.90"). */
  unitValue: string | null;
  currency: string;
  originCountry: string | null;
  /** Weight of one unit. */
  weightKg: number | null;
}

export interface DraftParcel {
  weightKg: number | null;
  lengthCm?: number | null;
  widthCm?: number | null;
  heightCm?: number | null;
}

export interface ShipmentDraftInput {
  carrier: Carrier | null;
  service: string | null;
  recipient: DraftRecipient;
  customsItems: DraftCustomsItem[];
  parcels: DraftParcel[];
  nfeKey: string | null;
  /** Decimal string, in `currency`. */
  declaredValue: string;
  currency: string;
  incoterm: string | null;
  exportReason: string | null;
  /** The NF-e's issue date when known: the US$ rule takes the PTAX rate of the day before it. */
  invoiceDate?: IsoDate | null;
}

export interface EvaluationContext {
  /** PTAX rates at hand and today (São Paulo); the NF-e's issue date, when known, replaces today. */
  exchange?: { rates: RateTable; today: IsoDate };
  /** The store's incoterm and reason for export ("store default"). */
  customsDefaults?: CustomsDefaults;
}

export interface ShipmentEvaluation {
  status: "ready" | "draft";
  missingFields: ShipmentField[];
  problems: ShipmentProblem[];
  /** The declared value in US cents and the rate behind it (null: unknown, and the key is required). */
  declaredValueUsdCents: number | null;
  exchangeRate: ExchangeRateUsed | null;
}

// ------------------------------------------------------------------------------------------------
// Field checks

/** What a check knows beyond the input: why the key is required, and the store's defaults. */
interface CheckContext {
  nfeRequired: ShipmentProblem;
  customsDefaults: CustomsDefaults;
}

type Check = (input: ShipmentDraftInput, context: CheckContext) => ShipmentProblem[];

const blank = (value: string | null | undefined): boolean => !value || value.trim() === "";
const country = (input: ShipmentDraftInput): string => input.recipient.countryCode?.trim().toUpperCase() ?? "";
const single = (field: ShipmentField, code: ShipmentProblemCode | null): ShipmentProblem[] =>
  code ? [{ field, code }] : [];

const perItem =
  (field: ShipmentField, problem: (item: DraftCustomsItem) => ShipmentProblemCode | null) =>
  (input: ShipmentDraftInput): ShipmentProblem[] =>
    input.customsItems.flatMap((item, line) => {
      const code = problem(item);
      return code ? [{ field, code, line }] : [];
    });

const positive = (value: number | null | undefined): ShipmentProblemCode | null =>
  value === null || value === undefined ? "required" : Number.isFinite(value) && value > 0 ? null : "notPositive";

const DIMENSIONS = ["lengthCm", "widthCm", "heightCm"] as const;
const HEAVIEST_PIECE_KG = Math.max(...CARRIER_IDS.map((id) => CARRIERS[id].maxPieceKg));

/** Each parcel's weight: present, positive, within the carrier's per-piece limit (any carrier's, if none chosen). */
const parcelWeights = (input: ShipmentDraftInput): ShipmentProblem[] => {
  if (input.parcels.length === 0) return [{ field: "weight", code: "required", values: { parcel: 0 } }];
  const limitKg = input.carrier ? CARRIERS[input.carrier].maxPieceKg : HEAVIEST_PIECE_KG;
  return input.parcels.flatMap((parcel, index): ShipmentProblem[] => {
    const code = positive(parcel.weightKg);
    if (code) return [{ field: "weight", code, values: { parcel: index } }];
    const weightKg = parcel.weightKg as number;
    return weightKg > limitKg
      ? [{ field: "weight", code: "overLimit", values: { parcel: index, weightKg, limitKg } }]
      : [];
  });
};

/** Dimensions are all three or none; when given, each is positive. Required only where a carrier says so. */
function dimensionProblems(input: ShipmentDraftInput, required: boolean): ShipmentProblem[] {
  return input.parcels.flatMap((parcel, index): ShipmentProblem[] => {
    const given = DIMENSIONS.filter((side) => parcel[side] !== null && parcel[side] !== undefined);
    if (given.length === 0 && !required) return [];
    return DIMENSIONS.flatMap((side): ShipmentProblem[] => {
      const code = positive(parcel[side]);
      return code ? [{ field: "dimensions", code, values: { parcel: index, part: side } }] : [];
    });
  });
}

const CHECKS: Record<ShipmentField, Check> = {
  nfeKey: (input, context) => {
    if (blank(input.nfeKey)) return [context.nfeRequired];
    const checked = validateNfeKey(input.nfeKey);
    return checked.ok ? [] : [{ field: "nfeKey", ...checked.error }];
  },
  carrier: (input) => single("carrier", input.carrier ? null : "required"),
  service: (input) => single("service", blank(input.service) ? "required" : null),
  recipientName: (input) => single("recipientName", blank(input.recipient.name) ? "required" : null),
  recipientPhone: (input) => single("recipientPhone", phoneProblem(input.recipient.phone, country(input))),
  address: (input) => {
    const parts = (["address1", "city"] as const)
      .filter((part) => blank(input.recipient[part]))
      .map((part): ShipmentProblem => ({ field: "address", code: "required", values: { part } }));
    const code = countryCodeProblem(country(input));
    return code ? [...parts, { field: "address", code, values: { part: "countryCode" } }] : parts;
  },
  postalCode: (input) => single("postalCode", postalCodeProblem(country(input), input.recipient.postalCode)),
  state: (input) => single("state", stateProblem(country(input), input.recipient.provinceCode)),
  hsCode: perItem("hsCode", (item) => hsCodeProblem(item.hsCode)),
  itemDescription: perItem("itemDescription", (item) => (blank(item.description) ? "required" : null)),
  unitValue: (input) => [
    ...perItem("unitValue", (item) =>
      !Number.isInteger(item.quantity) || item.quantity <= 0
        ? "notPositive"
        : item.quantity > MAX_QUANTITY
          ? "outOfRange"
          : null,
    )(input).map((problem) => ({ ...problem, values: { part: "quantity", max: MAX_QUANTITY } })),
    ...perItem("unitValue", (item) => {
      const cents = parseMoneyCents(item.unitValue);
      if (cents === null || !isCurrencyCode(item.currency)) return "invalid";
      return cents <= 0 ? "notPositive" : cents > MAX_UNIT_VALUE_CENTS ? "outOfRange" : null;
    })(input),
  ],
  originCountry: perItem("originCountry", (item) => countryCodeProblem(item.originCountry)),
  // The invoice needs each line's unit weight, the waybill each parcel's weight.
  weight: (input) => [...perItem("weight", (item) => positive(item.weightKg))(input), ...parcelWeights(input)],
  dimensions: (input) => dimensionProblems(input, true),
  incoterm: (input, context) => termProblem("incoterm", input.incoterm, context.customsDefaults),
  exportReason: (input, context) => termProblem("exportReason", input.exportReason, context.customsDefaults),
  // Edit Draft saves lines it has; lines Shopify could not give are a sync matter (order-mapping.ts).
  lineItems: () => [],
};

/** Fields checked even where not required, because a wrong value must not be kept as is. */
const CHECKED_WHEN_GIVEN: readonly { field: ShipmentField; given: (input: ShipmentDraftInput) => boolean }[] = [
  { field: "nfeKey", given: (input) => !blank(input.nfeKey) },
  { field: "incoterm", given: (input) => !blank(input.incoterm) },
  { field: "exportReason", given: (input) => !blank(input.exportReason) },
];

/** The declared value in US$, with the PTAX rate of the day before the NF-e (or today). */
function declaredValueUsd(input: ShipmentDraftInput, context: EvaluationContext): UsdConversion | null {
  const cents = parseMoneyCents(input.declaredValue);
  if (cents === null) return null;
  const exchange = context.exchange ?? { rates: {}, today: "1970-01-01" };
  return toUsdCents(cents, input.currency, exchange.rates, input.invoiceDate ?? exchange.today);
}

/**
 * Ready when every field the carrier requires (for this declared value) is present and valid; else a
 * draft listing the missing or invalid fields in display order, with one problem per defect.
 */
export function evaluateShipment(input: ShipmentDraftInput, context: EvaluationContext = {}): ShipmentEvaluation {
  const usd = declaredValueUsd(input, context);
  const reason = nfeKeyReason(input.carrier, usd);
  const checkContext: CheckContext = {
    nfeRequired: nfeKeyProblem(
      reason ?? "carrier",
      input.declaredValue,
      input.currency,
      usd,
      input.invoiceDate ?? context.exchange?.today ?? "",
    ),
    customsDefaults: context.customsDefaults ?? { incoterm: null, exportReason: null },
  };
  const required = new Set(requiredFields(input.carrier, reason !== null));
  for (const { field, given } of CHECKED_WHEN_GIVEN) if (given(input)) required.add(field);
  const problems = SHIPMENT_FIELDS.flatMap((field) =>
    required.has(field)
      ? CHECKS[field](input, checkContext)
      : field === "dimensions"
        ? dimensionProblems(input, false)
        : [],
  );
  const missing = new Set(problems.map((problem) => problem.field));
  const missingFields = SHIPMENT_FIELDS.filter((field) => missing.has(field));
  return {
    status: missingFields.length === 0 ? "ready" : "draft",
    missingFields,
    problems,
    declaredValueUsdCents: usd?.ok ? usd.usdCents : null,
    exchangeRate: usd?.ok ? usd.rate : null,
  };
}

/** Σ quantity × unit value, in exact cents ("328.80"); null when a line is unreadable or it overflows. */
export function declaredValueOf(items: readonly Pick<DraftCustomsItem, "quantity" | "unitValue">[]): string | null {
  const total = declaredCentsOf(items.map((item) => ({ quantity: item.quantity, unitValue: item.unitValue ?? "0" })));
  return total === null ? null : formatCents(total);
}
