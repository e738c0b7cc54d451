// A seeded sample of hostile submissions through the step every server action runs once the
// session and role are checked (submitForm: the form-data parser, the action's schema, the
// handler, the translated result), with the services the actions call, on a real database
// (PGlite, or PostgreSQL with DATABASE_URL). Each hostile submission is refused with a translated
// message, never an unexpected error, and changes nothing in the database; Object.prototype
// gains nothing. A valid submission through the same step does change the database, so the
// comparison can fail. The table parsers' hostile URLs run through every list query, too.
import type { Shopify } from "@shopify/shopify-api";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTableState, type SearchParams } from "@/lib/table/params";
import { storeSettingsSchema } from "@/domain/customs-terms";
import { bulkDraftsFormSchema, draftFormSchema } from "@/domain/draft-form";
import type { FormEntry } from "@/domain/form-data";
import type { RateCard } from "@/domain/quotes";
import { rateCardFormSchema } from "@/domain/rate-card-form";
import { createSavedViewSchema } from "@/domain/saved-view-forms";
import { changeRoleSchema, createUserSchema } from "@/domain/users";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import en from "@/i18n/messages/en.json";
import type { CurrentUser } from "@/server/auth/session";
import { submitForm, type ActionHandler, type Translator } from "@/server/auth/submit-form";
import * as schema from "@/server/db/schema";
import { listQuotes, quotesTable } from "@/server/queries/quotes";
import { draftsTable, listDrafts, listShipments, shipmentsTable } from "@/server/queries/shipments";
import { listStores, storesTable } from "@/server/queries/stores";
import {
  listRunItems,
  listSyncRuns,
  orderImportHistory,
  runItemsTable,
  syncRunsTable,
} from "@/server/queries/sync-runs";
import { listUsers, usersTable } from "@/server/queries/users";
import { bulkUpdateDrafts, saveDraft } from "@/server/services/drafts";
import { createSavedView } from "@/server/services/saved-views";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { loadRateCards, updateRateCard } from "@/server/services/quotes";
import { updateStoreSettings } from "@/server/services/store-settings";
import { executeRun } from "@/server/services/sync/execute-run";
import { requestSync } from "@/server/services/sync/runs";
import { changeUserRole, createUser } from "@/server/services/users";
import { createShopify } from "@/server/shopify/api";
import { cleanTextParam } from "@/lib/table/params";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "fuzz-key", apiSecret: "fuzz-secret" };
const SHOP = "loja-fuzz.myshopify.com";
const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Hostile submissions per form in the sample. */
const SAMPLES_PER_FORM = 25;

let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
let admin: CurrentUser;
let storeId: string;
let runId: string;
let draft: typeof schema.shipments.$inferSelect;
let rateCardId: string;

const t = createTranslator({ locale: "en", messages: en }) as unknown as Translator;

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: SHOP, orders: 30, seed: 20261201 });
  process.env.APP_URL = "http://127.0.0.1:3999";
  process.env.SHOPIFY_EMULATOR_URL = emulator.url;
  shopify = createShopify({ ...APP, appUrl: process.env.APP_URL, emulatorUrl: emulator.url });
  testDb = await createTestDb();
  await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, emulator.url);
  const [store] = await testDb.db.select().from(schema.stores).where(eq(schema.stores.shopDomain, SHOP));
  storeId = store.id;
  const { run } = await requestSync(testDb.db, store.id, "manual", null);
  runId = run.id;
  await executeRun({ db: testDb.db, shopify }, run.id, { sleep: async () => {} });
  const { user } = await createUser(
    testDb.db,
    { email: "admin@fuzz.test", name: "Admin", role: "admin", password: "password-123" },
    null,
  );
  admin = { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
  [draft] = await testDb.db.select().from(schema.shipments).where(eq(schema.shipments.status, "draft")).limit(1);
  rateCardId = (await loadRateCards(testDb.db))[0].id;
});

afterAll(async () => {
  await emulator?.close();
  await testDb?.cleanup();
});

/** Everything an action could change, as one comparable value. */
async function snapshot() {
  const db = testDb.db;
  const tables = [
    schema.shipments,
    schema.rateCards,
    schema.stores,
    schema.users,
    schema.auditEvents,
    schema.quotes,
    schema.orders,
    schema.savedViews,
  ];
  const contents = await Promise.all(tables.map((table) => db.select().from(table)));
  return contents.map((rows) => rows.map((row) => JSON.stringify(row)).sort());
}

const protoSnapshot = () =>
  [Object.prototype, Array.prototype].map((proto) => Object.getOwnPropertyNames(proto).sort().join(","));

const run = <S extends Parameters<typeof submitForm>[0]>(
  form: S,
  entries: FormEntry[],
  handler: ActionHandler<S, unknown>,
) => submitForm(form, entries, handler, { user: admin, t, db: async () => testDb.db });

/** The forms, each with a valid submission and the service call its action makes. */
function forms() {
  const recipient = draft.recipient ?? { name: null, countryCode: null };
  const items = draft.customsItems;
  const draftEntries: FormEntry[] = [
    ["id", draft.id],
    ["version", String(draft.version)],
    ["carrier", draft.carrier ?? ""],
    ["recipient.name", recipient.name ?? "Ana"],
    ["recipient.countryCode", recipient.countryCode ?? "US"],
    ...items.flatMap((item, index): FormEntry[] => [
      [`items.${index}.description`, String(item.description ?? "Item")],
      [`items.${index}.quantity`, String(item.quantity ?? 1)],
    ]),
    ["parcel.weightKg", "1.25"],
  ];
  const zone = (name: string, price: string): FormEntry[] => [
    [`zones.${name}.baseUpToKg`, "0.5"],
    [`zones.${name}.basePrice`, price],
    [`zones.${name}.perAdditionalKg`, "20"],
    [`zones.${name}.transitMin`, "3"],
    [`zones.${name}.transitMax`, "6"],
  ];
  return [
    {
      name: "Edit Draft",
      schema: draftFormSchema,
      valid: draftEntries,
      handler: (async (form, { db, user }) => {
        await saveDraft(db, form, user.id);
        return { ok: true };
      }) as ActionHandler<typeof draftFormSchema, unknown>,
    },
    {
      name: "rate card",
      schema: rateCardFormSchema,
      valid: [
        ["id", rateCardId],
        ...zone("americas", "91.5"),
        ...zone("europe", "99"),
        ...zone("asia_pacific", "120"),
        ...zone("rest_of_world", "150"),
      ] as FormEntry[],
      handler: (async ({ id, zones }, { db, user }) => {
        const parsed = Object.fromEntries(
          Object.entries(zones).map(([name, rate]) => [
            name,
            {
              baseUpToKg: rate!.baseUpToKg,
              basePrice: rate!.basePrice,
              perAdditionalKg: rate!.perAdditionalKg,
              transitDays: [rate!.transitMin, rate!.transitMax],
            },
          ]),
        ) as RateCard["zones"];
        await updateRateCard(db, id, parsed, user.id);
        return { ok: true };
      }) as ActionHandler<typeof rateCardFormSchema, unknown>,
    },
    {
      name: "bulk drafts",
      schema: bulkDraftsFormSchema,
      valid: [
        ["ids", draft.id],
        ["incoterm", "DDP"],
      ] as FormEntry[],
      handler: (async ({ ids, ...changes }, { db, user }) => {
        const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
        await bulkUpdateDrafts(db, ids, defined, user.id);
        return { ok: true };
      }) as ActionHandler<typeof bulkDraftsFormSchema, unknown>,
    },
    {
      name: "customs defaults",
      schema: storeSettingsSchema,
      valid: [
        ["storeId", storeId],
        ["defaultIncoterm", "DDU"],
        ["defaultExportReason", "gift"],
        ["testOrders", "import"],
      ] as FormEntry[],
      handler: (async (input, { db, user }) => {
        await updateStoreSettings(db, user, input);
        return { ok: true };
      }) as ActionHandler<typeof storeSettingsSchema, unknown>,
    },
    {
      name: "new user",
      schema: createUserSchema,
      valid: [
        ["email", "new@fuzz.test"],
        ["name", "Nova"],
        ["role", "operator"],
      ] as FormEntry[],
      handler: (async (input, { db, user }) => {
        await createUser(db, input, user);
        return { ok: true };
      }) as ActionHandler<typeof createUserSchema, unknown>,
    },
    {
      name: "save view",
      schema: createSavedViewSchema,
      valid: [
        ["table", "shipments"],
        ["name", "Fuzzed view"],
        ["query", "carrier=dhl&sort=order.asc"],
      ] as FormEntry[],
      handler: (async (input, { db, user }) => {
        await createSavedView(db, user.id, input);
        return { ok: true };
      }) as ActionHandler<typeof createSavedViewSchema, unknown>,
    },
    {
      name: "change role",
      schema: changeRoleSchema,
      valid: [
        ["userId", "00000000-0000-4000-8000-000000000000"],
        ["role", "operator"],
      ] as FormEntry[],
      handler: (async (input, { db, user }) => {
        await changeUserRole(db, user, input.userId, input.role);
        return { ok: true };
      }) as ActionHandler<typeof changeRoleSchema, unknown>,
    },
  ];
}

const FORBIDDEN = ["__proto__", "constructor", "prototype"];

/** Hostile additions to a valid submission: forbidden segments, huge indices, NUL, megabytes, unknown names. */
function hostileAdditions(valid: FormEntry[]) {
  const names = valid.map(([name]) => name);
  const name = fc.oneof(
    fc.constantFrom(
      "__proto__.polluted",
      "constructor.prototype.polluted",
      "items.100000.quantity",
      "items.0.__proto__.polluted",
      "zones.__proto__.basePrice",
      "isAdmin",
      "0",
      "a.b.c.d.e.f.g.h",
    ),
    fc
      .tuple(fc.constantFrom(...names), fc.constantFrom(...FORBIDDEN))
      .map(([known, forbidden]) => `${known}.${forbidden}.polluted`),
    fc
      .tuple(fc.constantFrom(...names), fc.constantFrom("\u0000", "x".repeat(1_000_000), "a\u0000b"))
      .map(([known, value]) => ({ known, value })),
  );
  return fc.array(name, { minLength: 1, maxLength: 3 }).map((additions) => {
    const entries = [...valid];
    for (const addition of additions) {
      // A hostile value replaces a known field's; a hostile name is added next to the others.
      if (typeof addition === "string") entries.splice(entries.length >> 1, 0, [addition, "yes"]);
      else entries.push([addition.known, addition.value]);
    }
    return entries;
  });
}

describe(`hostile submissions through the actions' parse step and services (${driverName})`, () => {
  it("refuses every sampled hostile submission with a translated message and changes nothing", async () => {
    let cases = 0;
    for (const form of forms()) {
      const samples = fc.sample(hostileAdditions(form.valid), { seed: FUZZ_SEED, numRuns: SAMPLES_PER_FORM });
      for (const entries of samples) {
        const before = await snapshot();
        const proto = protoSnapshot();
        const result = await run(form.schema, entries, form.handler);
        const label = `${form.name}: ${JSON.stringify(entries.map(([name, value]) => [name, String(value).slice(0, 20)]))}`;
        expect(result.ok, label).toBe(false);
        if (result.ok) continue;
        expect(result.formError, label).toMatch(/\S/);
        expect(result.formError, label).not.toBe(t("errors.unexpected"));
        expect(result.formError, label).not.toMatch(/^errors\./);
        expect(JSON.stringify(result).length, label).toBeLessThan(120_000);
        expect(protoSnapshot(), label).toEqual(proto);
        expect(await snapshot(), label).toEqual(before);
        cases += 1;
      }
    }
    expect(cases).toBe(SAMPLES_PER_FORM * forms().length);
  });

  it("refuses __proto__ in the Edit Draft form with the precise message", async () => {
    const form = forms()[0];
    const before = await snapshot();
    const result = await run(form.schema, [...form.valid, ["__proto__.polluted", "yes"]], form.handler);
    expect(result).toMatchObject({
      ok: false,
      formError: "This form was refused: the field name “__proto__.polluted” is not allowed. Nothing was changed.",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it("saves each valid submission through the same step (so the comparison above can fail)", async () => {
    for (const form of forms()) {
      const before = await snapshot();
      const result = await run(form.schema, form.valid, form.handler);
      if (form.name === "change role") {
        // An unknown user: the service refuses it with its own translated message.
        expect(result).toMatchObject({ ok: false, formError: t("errors.notFound") });
        continue;
      }
      expect(result, form.name).toMatchObject({ ok: true });
      expect(await snapshot(), form.name).not.toEqual(before);
    }
  });
});

describe(`hostile table URLs through every list query (${driverName})`, () => {
  it("answers every sampled URL with rows, never a database error", async () => {
    const db = testDb.db;
    const lists: [string, (params: SearchParams) => Promise<unknown>][] = [
      ["shipments", (params) => listShipments(db, parseTableState(params, shipmentsTable))],
      ["drafts", (params) => listDrafts(db, parseTableState(params, draftsTable))],
      ["quotes", (params) => listQuotes(db, parseTableState(params, quotesTable))],
      ["stores", (params) => listStores(db, parseTableState(params, storesTable))],
      ["sync runs", (params) => listSyncRuns(db, parseTableState(params, syncRunsTable))],
      ["run items", (params) => listRunItems(db, runId, parseTableState(params, runItemsTable))],
      ["users", (params) => listUsers(db, parseTableState(params, usersTable))],
      ["order lookup", (params) => orderImportHistory(db, cleanTextParam(params.order, 40))],
    ];
    const value = fc.oneof(
      fc.constantFrom("\u0000", "a\u0000b", "%\u0000_\\", "\u001b[0m", "x".repeat(100_000), "1e309", "-1", "__proto__"),
      fc.string({ unit: "binary", maxLength: 30 }),
    );
    const params = fc.record({
      q: value,
      order: value,
      sort: fc.oneof(value, fc.constantFrom("order.asc\u0000", "__proto__.desc")),
      page: value,
      perPage: value,
      status: value,
      carrier: value,
      store: value,
    });
    const samples = fc.sample(params, { seed: FUZZ_SEED, numRuns: 20 });
    // A NUL in the search used to fail the query ("invalid byte sequence"): now it searches for nothing.
    expect(await listShipments(db, parseTableState({ q: "\u0000" }, shipmentsTable))).toEqual(
      await listShipments(db, parseTableState({}, shipmentsTable)),
    );
    for (const [name, list] of lists) {
      for (const sample of samples)
        await expect(list(sample), `${name} ${JSON.stringify(sample).slice(0, 200)}`).resolves.toBeDefined();
    }
  });
});
