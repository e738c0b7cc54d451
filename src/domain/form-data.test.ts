import { afterEach, describe, expect, it } from "vitest";
import { draftFormSchema } from "./draft-form";
import { FORM_LIMITS, parseFormEntries } from "./form-data";
import { formShape } from "./form-shape";
import { MAX_ECHOED_TOTAL_LENGTH, MAX_ECHOED_VALUE_LENGTH, parseSubmission } from "./form-submission";
import { rateCardFormSchema } from "./rate-card-form";
import { shipmentSelectionFormSchema } from "./shipment-forms";

const ID = "6f1c2a4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f";

/** What Edit Draft posts for a draft with `lines` lines. */
function draftEntries(lines = 1): [string, string][] {
  const entries: [string, string][] = [
    ["id", ID],
    ["version", "3"],
    ["carrier", "fedex"],
    ["nfeKey", ""],
    ["recipient.name", "  Ana Souza "],
    ["recipient.countryCode", "us"],
    ["parcel.weightKg", "1.5"],
  ];
  for (let index = 0; index < lines; index += 1) {
    entries.push([`items.${index}.description`, "Camiseta"], [`items.${index}.quantity`, "2"]);
  }
  return entries;
}

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = protoKeys();

afterEach(() => {
  // A failing case must not poison the next tests either.
  for (const key of protoKeys()) if (!cleanPrototype.includes(key)) delete (Object.prototype as never)[key];
});

describe("the form-data parser", () => {
  it("nests the Edit Draft fields into objects without a prototype, which zod parses", () => {
    const parsed = parseFormEntries(draftEntries(2), formShape(draftFormSchema));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(Object.getPrototypeOf(parsed.data)).toBeNull();
    expect(Object.getPrototypeOf(parsed.data.recipient)).toBeNull();
    const submission = parseSubmission(draftFormSchema, draftEntries(2));
    expect(submission).toMatchObject({
      ok: true,
      data: {
        id: ID,
        version: 3,
        recipient: { name: "Ana Souza", countryCode: "US", phone: null },
        items: [
          { description: "Camiseta", quantity: 2 },
          { description: "Camiseta", quantity: 2 },
        ],
        parcel: { weightKg: 1.5 },
      },
    });
  });

  it.each([
    "__proto__.polluted",
    "constructor.prototype.polluted",
    "items.0.__proto__.polluted",
    "recipient.constructor.prototype.polluted",
    "prototype",
    "__proto__",
  ])("refuses the whole form for a field named %s, leaving Object.prototype untouched", (name) => {
    const submission = parseSubmission(draftFormSchema, [...draftEntries(), [name, "yes"]]);
    expect(submission).toMatchObject({
      ok: false,
      formError: { key: "errors.form.forbiddenField", values: { field: name } },
      fieldErrors: {},
    });
    expect(protoKeys()).toEqual(cleanPrototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses the rate-card form's zones.__proto__ and a zone it does not know", () => {
    const base: [string, string][] = [
      ["id", ID],
      ["zones.europe.basePrice", "10"],
    ];
    expect(parseSubmission(rateCardFormSchema, [...base, ["zones.__proto__.basePrice", "1"]]).ok).toBe(false);
    expect(parseSubmission(rateCardFormSchema, [...base, ["zones.mars.basePrice", "1"]])).toMatchObject({
      ok: false,
      formError: { key: "errors.form.unknownField", values: { field: "zones.mars.basePrice" } },
    });
    expect(protoKeys()).toEqual(cleanPrototype);
  });

  it("refuses an index beyond the list's limit with a small answer (it was 4 MB)", () => {
    const submission = parseSubmission(draftFormSchema, [...draftEntries(), ["items.100000.quantity", "1"]]);
    expect(submission).toMatchObject({ ok: false, formError: { key: "errors.form.indexOutOfRange" } });
    expect(JSON.stringify(submission).length).toBeLessThan(2_000);
    // The limit is the schema's own: 500 lines, index 0 … 499.
    const fullLines = Array.from({ length: 500 }, (_, index) =>
      ["description", "sku", "hsCode", "quantity", "unitValue", "originCountry", "weightKg"].map(
        (field) => [`items.${index}.${field}`, field === "quantity" ? "1" : ""] as [string, string],
      ),
    ).flat();
    expect(parseSubmission(draftFormSchema, [...draftEntries(0), ...fullLines]).ok).toBe(true);
    expect(parseFormEntries([["items.500.quantity", "1"]], formShape(draftFormSchema))).toMatchObject({
      refusal: "indexOutOfRange",
    });
  });

  it("refuses a list with holes, an index with a leading zero and a negative one", () => {
    const shape = formShape(draftFormSchema);
    expect(parseFormEntries([...draftEntries(), ["items.7.quantity", "1"]], shape)).toEqual({
      ok: false,
      refusal: "listWithHoles",
      field: "items.1",
    });
    expect(parseFormEntries([["items.01.quantity", "1"]], shape)).toMatchObject({ refusal: "unknownField" });
    expect(parseFormEntries([["items.-1.quantity", "1"]], shape)).toMatchObject({ refusal: "unknownField" });
  });

  it("refuses names the form does not have, numbers as keys and a value where an object belongs", () => {
    const shape = formShape(draftFormSchema);
    for (const name of ["isAdmin", "0", "recipient.name.first", "recipient", "items", "items.0", "", "recipient."]) {
      expect(parseFormEntries([[name, "x"]], shape), name).toEqual({ ok: false, refusal: "unknownField", field: name });
    }
  });

  it("refuses more fields and deeper names than any form has", () => {
    const shape = formShape(shipmentSelectionFormSchema);
    const many = Array.from({ length: FORM_LIMITS.maxFields + 1 }, () => ["ids", ID] as [string, string]);
    expect(parseFormEntries(many, shape)).toEqual({ ok: false, refusal: "tooManyFields" });
    expect(parseFormEntries([["a.b.c.d.e.f.g", "1"]], formShape(draftFormSchema))).toMatchObject({
      refusal: "tooDeep",
    });
  });

  it("keeps every value of a repeated field, in order", () => {
    const submission = parseSubmission(shipmentSelectionFormSchema, [
      ["ids", ID],
      ["ids", ID.replace("6f", "7f")],
    ]);
    expect(submission).toMatchObject({ ok: true, data: { ids: [ID, ID.replace("6f", "7f")] } });
  });

  it("says an absurd quantity is too large, on its field", () => {
    const submission = parseSubmission(draftFormSchema, [
      ...draftEntries(0),
      ["items.0.description", "Camiseta"],
      ["items.0.quantity", "999999999"],
    ]);
    expect(submission).toMatchObject({ ok: false, fieldErrors: { "items.0.quantity": "errors.numberTooLarge" } });
  });

  it("refuses NUL and control characters in a value on that field, and a megabyte value as too long", () => {
    const submission = parseSubmission(draftFormSchema, [
      ...draftEntries(),
      ["recipient.city", "São\u0000Paulo"],
      ["recipient.address1", "x".repeat(1_000_000)],
    ]);
    expect(submission).toMatchObject({
      ok: false,
      formError: { key: "errors.fixFields" },
      fieldErrors: { "recipient.city": "errors.controlCharacters", "recipient.address1": "errors.tooLong" },
    });
    if (submission.ok) return;
    expect(submission.values["recipient.city"]).toBe("SãoPaulo");
    expect(submission.values["recipient.address1"]).toHaveLength(MAX_ECHOED_VALUE_LENGTH);
    expect(JSON.stringify(submission).length).toBeLessThan(MAX_ECHOED_TOTAL_LENGTH + 10_000);
  });

  it("echoes only the form's own fields, never a password or a hostile name", () => {
    const submission = parseSubmission(draftFormSchema, [
      ...draftEntries(),
      ["recipient.email", "ana@example.com"],
      ["__proto__.polluted", "1"],
      ["password", "secret"],
      ["$ACTION_ID_abc", ""],
    ]);
    expect(submission.ok).toBe(false);
    expect(Object.keys(submission.values)).toEqual(
      draftEntries()
        .map(([name]) => name)
        .concat("recipient.email"),
    );
  });
});
