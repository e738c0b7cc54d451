// The fuzz suite of the form parser: random and hostile field names and values — __proto__,
// constructor.prototype.x, NUL bytes, megabyte strings, huge indices, deep paths, unicode, numbers
// as keys, repeated keys — sent to the parse step of every server action (parseSubmission with
// the action's own schema). Whatever is sent, the parse returns a value or a refusal (it never
// throws), Object.prototype gains nothing, and the answer stays small. Seeded: the same cases
// on every run (FUZZ_SEED=<n> tries others); fast-check prints the seed and the case on failure.
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  carrierAccountFormSchema,
  carrierAccountIdFormSchema,
  storeCarrierAccountFormSchema,
} from "./carrier-account-form";
import { bulkParcelFormSchema } from "./bulk-parcel";
import { storeSettingsSchema } from "./customs-terms";
import { checkTrackingFormSchema } from "./tracking-schedule";
import { bulkDraftsFormSchema, draftFormSchema, pickQuoteFormSchema, quoteShipmentFormSchema } from "./draft-form";
import type { FormEntry } from "./form-data";
import { formShape, type FormShape } from "./form-shape";
import { MAX_ECHOED_TOTAL_LENGTH, MAX_ECHOED_VALUE_LENGTH, MAX_FIELD_ERRORS, parseSubmission } from "./form-submission";
import { recordS10FormSchema } from "./correios-s10";
import { rateCardFormSchema } from "./rate-card-form";
import {
  createSavedViewSchema,
  deleteSavedViewSchema,
  pinSavedViewSchema,
  renameSavedViewSchema,
} from "./saved-view-forms";
import {
  cancelPickupFormSchema,
  labelFormatFormSchema,
  reschedulePickupFormSchema,
  schedulePickupFormSchema,
  shipmentSelectionFormSchema,
  voidLabelFormSchema,
} from "./shipment-forms";
import { shipperFormSchema, shopFormSchema } from "./store-forms";
import { archiveOrdersFormSchema, syncOrdersFormSchema } from "./sync-forms";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from "./users";

/** Every schema an action passes to authedAction, by the name the actions use. */
export const ACTION_SCHEMAS = {
  archiveOrdersFormSchema,
  bulkDraftsFormSchema,
  bulkParcelFormSchema,
  cancelPickupFormSchema,
  carrierAccountFormSchema,
  carrierAccountIdFormSchema,
  changeRoleSchema,
  checkTrackingFormSchema,
  createSavedViewSchema,
  createUserSchema,
  deleteSavedViewSchema,
  draftFormSchema,
  labelFormatFormSchema,
  pickQuoteFormSchema,
  pinSavedViewSchema,
  quoteShipmentFormSchema,
  rateCardFormSchema,
  recordS10FormSchema,
  renameSavedViewSchema,
  reschedulePickupFormSchema,
  resetPasswordSchema,
  schedulePickupFormSchema,
  setActiveSchema,
  shipmentSelectionFormSchema,
  shipperFormSchema,
  shopFormSchema,
  storeCarrierAccountFormSchema,
  storeSettingsSchema,
  syncOrdersFormSchema,
  voidLabelFormSchema,
};

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Random submissions per action schema (20 schemas); the whole file runs in a few seconds. */
export const RUNS_PER_SCHEMA = 250;
/** Hostile names mixed into a valid Edit Draft or rate-card submission. */
export const RUNS_PER_VALID_FORM = 300;

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
const MEGABYTE = "x".repeat(1_048_576);
const UUID = "6f1c2a4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f";

const HOSTILE_NAMES = [
  "__proto__",
  "__proto__.polluted",
  "__proto__.toString",
  "constructor",
  "constructor.prototype.polluted",
  "prototype",
  "items.0.__proto__.polluted",
  "items.__proto__",
  "items.constructor.prototype.polluted",
  "zones.__proto__.basePrice",
  "zones.constructor.prototype.basePrice",
  "recipient.__proto__.polluted",
  "items.100000.quantity",
  "items.4294967295.quantity",
  "items.1e3.quantity",
  "items.-1.quantity",
  "items.01.quantity",
  "items.length",
  "ids.100000",
  "a.b.c.d.e.f.g.h.i.j.k.l",
  "0",
  "1",
  "",
  ".",
  "..",
  "\u0000",
  "id\u0000",
  "hasOwnProperty",
  "toString",
  "valueOf",
  "$ACTION_ID_0123",
  "$ACTION_REF_1",
];

/** The names a shape accepts, a list's first, last and first-beyond index included. */
function knownNames(shape: FormShape, prefix = ""): string[] {
  const join = (segment: string) => (prefix ? `${prefix}.${segment}` : segment);
  switch (shape.kind) {
    case "value":
      return prefix ? [prefix] : [];
    case "object":
      return [...shape.fields].flatMap(([name, field]) => knownNames(field, join(name)));
    case "record":
      return [...(shape.keys ?? ["anyKey", "0"])].flatMap((key) => knownNames(shape.value, join(key)));
    case "list": {
      const indices = [0, 1, shape.maxItems - 1, shape.maxItems];
      return [
        ...(shape.item.kind === "value" ? [prefix] : []),
        ...indices.flatMap((i) => knownNames(shape.item, join(String(i)))),
      ];
    }
  }
}

function nameArbitrary(known: string[]) {
  const segment = fc.oneof(
    fc.constantFrom("__proto__", "constructor", "prototype", "items", "zones", "recipient", "0", "1", "100000", "-1"),
    fc.string({ maxLength: 6 }),
  );
  return fc.oneof(
    fc.constantFrom(...HOSTILE_NAMES),
    fc.constantFrom(...known),
    fc.constantFrom(...known),
    fc
      .tuple(fc.constantFrom(...known), fc.constantFrom("__proto__", "constructor", "prototype", "0", "99999", "x", ""))
      .chain(([name, extra]) => fc.constantFrom(`${name}.${extra}`, `${extra}.${name}`)),
    fc.array(segment, { minLength: 1, maxLength: 9 }).map((segments) => segments.join(".")),
    fc.string({ unit: "binary", maxLength: 24 }),
    fc.nat().map(String),
  );
}

const valueArbitrary = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\u001b[2J",
    MEGABYTE,
    "1e309",
    "-0",
    "NaN",
    "Infinity",
    "0x10",
    "__proto__",
    "{}",
    "[]",
    "true",
    UUID,
    "2026-12-01",
    "10:00",
    "fedex",
    "DAP",
    "admin",
  ),
  fc.integer().map(String),
  fc.double().map(String),
);

const protoSnapshot = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto).sort().join(","),
  );
const cleanSnapshot = protoSnapshot();

afterEach(() => {
  // Should a case pollute anyway, the next tests must not inherit it.
  for (const key of Object.getOwnPropertyNames(Object.prototype)) {
    if (!cleanSnapshot[0].split(",").includes(key)) delete (Object.prototype as Record<string, unknown>)[key];
  }
});

function hasForbiddenName(name: string) {
  return !name.startsWith("$ACTION") && name.split(".").some((segment) => FORBIDDEN.has(segment));
}

/** Whether parsed data holds an own key __proto__, constructor or prototype anywhere. */
function holdsForbiddenKey(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  return Object.keys(value).some(
    (key) => FORBIDDEN.has(key) || holdsForbiddenKey((value as Record<string, unknown>)[key]),
  );
}

/** The properties every submission must have, whatever it holds. */
function checkSubmission(schema: (typeof ACTION_SCHEMAS)[keyof typeof ACTION_SCHEMAS], entries: FormEntry[]) {
  const submission = parseSubmission(schema, entries);
  expect(protoSnapshot()).toEqual(cleanSnapshot);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();

  expect(JSON.stringify(submission.values).length).toBeLessThanOrEqual(MAX_ECHOED_TOTAL_LENGTH + 4 * entries.length);
  for (const [name, value] of Object.entries(submission.values)) {
    expect(value.length).toBeLessThanOrEqual(MAX_ECHOED_VALUE_LENGTH);
    expect(hasForbiddenName(name)).toBe(false);
    expect(value).not.toContain("\u0000");
  }
  if (entries.some(([name]) => hasForbiddenName(name))) expect(submission.ok).toBe(false);
  if (submission.ok) {
    expect(holdsForbiddenKey(submission.data)).toBe(false);
  } else {
    expect(Object.keys(submission.fieldErrors).length).toBeLessThanOrEqual(MAX_FIELD_ERRORS);
    const { values, ...answer } = submission;
    expect(values).toBeDefined();
    expect(JSON.stringify(answer).length).toBeLessThan(20_000);
  }
  return submission;
}

describe("the fuzz suite covers every action", () => {
  it("has every schema passed to authedAction in src/app", () => {
    const appDir = path.resolve(import.meta.dirname, "../app");
    const files = fs
      .readdirSync(appDir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") || file.endsWith(".tsx"));
    const used: string[] = [];
    let calls = 0;
    for (const file of files) {
      const source = fs.readFileSync(path.join(appDir, file), "utf8");
      calls += source.match(/authedAction\(/g)?.length ?? 0;
      for (const match of source.matchAll(/authedAction\(\s*([A-Za-z_$][\w$]*)\s*,/g)) used.push(match[1]);
    }
    // Every call names its schema (an inline schema could not be fuzzed), and each is here.
    expect(used.length).toBe(calls);
    expect(calls).toBeGreaterThanOrEqual(20);
    expect([...new Set(used)].sort()).toEqual(Object.keys(ACTION_SCHEMAS).sort());
  });
});

describe.each(Object.entries(ACTION_SCHEMAS))("fuzzing %s", (_name, schema) => {
  const known = knownNames(formShape(schema));

  it("never throws, never touches Object.prototype, and answers within bounds", () => {
    const entries = fc.array(fc.tuple(nameArbitrary(known), valueArbitrary), { maxLength: 25 });
    fc.assert(
      fc.property(entries, (list) => {
        checkSubmission(schema, list);
      }),
      { seed: FUZZ_SEED, numRuns: RUNS_PER_SCHEMA },
    );
  });
});

describe("hostile names in an otherwise valid submission", () => {
  const valid: [string, typeof draftFormSchema | typeof rateCardFormSchema, FormEntry[]][] = [
    [
      "Edit Draft",
      draftFormSchema,
      [
        ["id", UUID],
        ["version", "1"],
        ["recipient.name", "Ana"],
        ["items.0.quantity", "1"],
        ["items.1.quantity", "2"],
        ["parcel.weightKg", "1.5"],
      ],
    ],
    [
      "rate card",
      rateCardFormSchema,
      [
        ["id", UUID],
        ["zones.europe.baseUpToKg", "0.5"],
        ["zones.europe.basePrice", "10"],
        ["zones.europe.perAdditionalKg", "2"],
        ["zones.europe.transitMin", "3"],
        ["zones.europe.transitMax", "5"],
      ],
    ],
  ];

  it.each(valid)(
    "a valid %s form parses, and any hostile name among its fields is refused whole",
    (_form, schema, base) => {
      expect(parseSubmission(schema, base).ok).toBe(true);
      const hostile = fc.oneof(
        fc.constantFrom(...HOSTILE_NAMES.filter(hasForbiddenName)),
        fc
          .tuple(fc.constantFrom(...base.map(([name]) => name)), fc.constantFrom(...FORBIDDEN), fc.boolean())
          .map(([name, forbidden, before]) => (before ? `${forbidden}.${name}` : `${name}.${forbidden}.polluted`)),
      );
      fc.assert(
        fc.property(hostile, valueArbitrary, fc.nat({ max: base.length }), (name, value, position) => {
          const entries: FormEntry[] = [...base.slice(0, position), [name, value], ...base.slice(position)];
          expect(checkSubmission(schema, entries).ok).toBe(false);
        }),
        { seed: FUZZ_SEED, numRuns: RUNS_PER_VALID_FORM },
      );
    },
  );
});
