// Carrier accounts below the UI, on PGlite or PostgreSQL: credentials encrypted at rest (bound to
// the row id) and never read back by a query or written to the audit; an edit with a blank secret
// keeps it; Test connection recorded from the carrier's answer; assignments checked; an account
// stores use cannot be deleted; and the emulated accounts bootstrap, idempotent under concurrency,
// registering every account with an in-process carrier emulator.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACCOUNT_CARRIERS } from "@/domain/carrier-account-options";
import { carrierAccountFormSchema, type CarrierAccountInput } from "@/domain/carrier-account-form";
import { createCarrierEmulator, type CarrierEmulator } from "@/emulator/carriers/server";
import { createShop } from "@/emulator/control";
import { createEmulator } from "@/emulator/server";
import { API_CARRIERS, CarrierApiError, type CarrierClient } from "@/server/carriers/api";
import type { CarrierDirectory } from "@/server/carriers/directory";
import { decryptSecret } from "@/server/crypto";
import { auditEvents, carrierAccounts, storeCarrierAccounts, stores, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { listCarrierAccounts, listStoreAccounts } from "@/server/queries/carrier-accounts";
import {
  assignStoreCarrierAccount,
  createCarrierAccount,
  deleteCarrierAccount,
  testCarrierAccount,
  updateCarrierAccount,
} from "@/server/services/carrier-accounts";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { assignEmulatedAccounts, bootstrapEmulatedCarrierAccounts } from "@/server/services/emulated-carrier-accounts";
import { createShopify } from "@/server/shopify/api";
import { createFakeCarrier, type FakeCarrier } from "../helpers/fake-carrier";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const SECRET = "sEcReT-value-0123456789";
const CLIENT_ID = "UpsClientId-ABCDEFG";
const ACCOUNT = "A1B2C3";
const NOW = new Date("2026-12-02T12:00:00Z");

let testDb: TestDb;
let admin: { id: string };
let storeA: { id: string; name: string };
let storeB: { id: string; name: string };

async function insertStore(db: TestDb["db"], domain: string, name: string, status: "connected" | "uninstalled") {
  const [store] = await db
    .insert(stores)
    .values({ shopDomain: domain, name, status })
    .returning({ id: stores.id, name: stores.name });
  return store;
}

function form(input: Record<string, string>): CarrierAccountInput {
  return carrierAccountFormSchema.parse(input);
}

const upsForm = () =>
  form({
    carrier: "ups",
    name: "UPS Brasil",
    environment: "test",
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    accountNumber: ACCOUNT,
  });

async function rawAccount(id: string) {
  const [row] = await testDb.db.select().from(carrierAccounts).where(eq(carrierAccounts.id, id));
  return row;
}

async function auditsOf(entityId: string) {
  return testDb.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
}

/** A directory whose every account is one client (the fake, or one whose test throws `error`). */
function directoryOf(client: CarrierClient): CarrierDirectory {
  return {
    forStore: async () => ({ accountId: "unused", client }),
    forAccount: async () => client,
  };
}

beforeAll(async () => {
  testDb = await createTestDb();
  const [user] = await testDb.db
    .insert(users)
    .values({ email: "admin@example.com", name: "Ana Admin", passwordHash: "x", role: "admin" })
    .returning();
  admin = { id: user.id };
  storeA = await insertStore(testDb.db, "loja-a.myshopify.com", "Loja A", "connected");
  storeB = await insertStore(testDb.db, "loja-b.myshopify.com", "Loja B", "connected");
}, 120_000);

afterAll(async () => {
  await testDb?.cleanup();
});

beforeEach(async () => {
  await testDb.db.delete(carrierAccounts);
});

describe(`carrier accounts (${driverName})`, () => {
  it("knows the same API carriers as the carrier clients", () => {
    expect([...ACCOUNT_CARRIERS].sort()).toEqual([...API_CARRIERS].sort());
  });

  it("stores the credentials encrypted, bound to the row id, and audits without them", async () => {
    const created = await createCarrierAccount(testDb.db, upsForm(), admin);
    expect(created).not.toHaveProperty("credentials");
    const row = await rawAccount(created.id);
    for (const clear of [SECRET, CLIENT_ID, ACCOUNT]) expect(row.credentials).not.toContain(clear);
    expect(JSON.parse(decryptSecret(row.credentials, row.id))).toEqual({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      accountNumber: ACCOUNT,
    });
    // Copied to another row, the ciphertext does not decrypt.
    expect(() => decryptSecret(row.credentials, crypto.randomUUID())).toThrow();
    expect(row.hint).toBe("B2C3");
    expect(row.createdBy).toBe(admin.id);

    const audits = await auditsOf(created.id);
    expect(audits.map((audit) => audit.action)).toEqual(["carrier_account.created"]);
    const logged = JSON.stringify(audits);
    for (const clear of [SECRET, CLIENT_ID, ACCOUNT]) expect(logged).not.toContain(clear);
    expect(audits[0].after).toEqual({ carrier: "ups", name: "UPS Brasil", environment: "test", hint: "B2C3" });
  });

  it("lists accounts with the hint and the client id masked, never the credentials", async () => {
    const created = await createCarrierAccount(testDb.db, upsForm(), admin);
    await assignStoreCarrierAccount(testDb.db, { storeId: storeA.id, carrier: "ups", accountId: created.id }, admin);
    const listed = await listCarrierAccounts(testDb.db);
    expect(listed).toEqual([
      {
        id: created.id,
        carrier: "ups",
        name: "UPS Brasil",
        environment: "test",
        hint: "B2C3",
        clientIdMasked: "UpsC…",
        lastTestedAt: null,
        lastTestOk: null,
        lastTestError: null,
        stores: [{ id: storeA.id, name: "Loja A" }],
      },
    ]);
    const everything = JSON.stringify([listed, await listStoreAccounts(testDb.db)]);
    for (const clear of [SECRET, CLIENT_ID, ACCOUNT, (await rawAccount(created.id)).credentials]) {
      expect(everything).not.toContain(clear);
    }
  });

  it("keeps the stored credentials an edit leaves blank, and bumps updatedAt on every edit", async () => {
    const created = await createCarrierAccount(testDb.db, upsForm(), admin);
    const before = await rawAccount(created.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edited = await updateCarrierAccount(
      testDb.db,
      {
        ...form({ accountId: created.id, carrier: "ups", name: "UPS renamed", environment: "production" }),
        accountId: created.id,
      },
      admin,
    );
    expect(edited.name).toBe("UPS renamed");
    const after = await rawAccount(created.id);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.environment).toBe("production");
    expect(JSON.parse(decryptSecret(after.credentials, after.id))).toEqual({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      accountNumber: ACCOUNT,
    });

    await updateCarrierAccount(
      testDb.db,
      {
        ...form({
          accountId: created.id,
          carrier: "ups",
          name: "UPS renamed",
          environment: "production",
          clientSecret: "a-new-secret",
          accountNumber: "zz9999",
        }),
        accountId: created.id,
      },
      admin,
    );
    const changed = await rawAccount(created.id);
    expect(JSON.parse(decryptSecret(changed.credentials, changed.id))).toEqual({
      clientId: CLIENT_ID,
      clientSecret: "a-new-secret",
      accountNumber: "ZZ9999",
    });
    expect(changed.hint).toBe("9999");
    const audits = await auditsOf(created.id);
    const last = audits.find(
      (audit) => (audit.after as { credentialsChanged?: string[] })?.credentialsChanged?.length === 2,
    );
    expect((last?.after as { credentialsChanged: string[] }).credentialsChanged).toEqual([
      "clientSecret",
      "accountNumber",
    ]);
    expect(JSON.stringify(audits)).not.toContain("a-new-secret");
  });

  it("refuses to change an account's carrier", async () => {
    const created = await createCarrierAccount(testDb.db, upsForm(), admin);
    const edit = form({ accountId: created.id, carrier: "fedex", name: "x", environment: "test" });
    await expect(updateCarrierAccount(testDb.db, { ...edit, accountId: created.id }, admin)).rejects.toMatchObject({
      code: "carrierAccounts.errors.carrierChange",
    });
    expect((await rawAccount(created.id)).carrier).toBe("ups");
  });

  describe("Test connection", () => {
    let fake: FakeCarrier;
    beforeEach(() => {
      fake = createFakeCarrier("ups");
    });

    it("records a success, without touching updatedAt (the cached client stays valid)", async () => {
      const created = await createCarrierAccount(testDb.db, upsForm(), admin);
      const before = await rawAccount(created.id);
      const outcome = await testCarrierAccount(
        { db: testDb.db, carriers: directoryOf(fake), now: () => NOW },
        created.id,
        admin,
      );
      expect(outcome.ok).toBe(true);
      expect(fake.calls.map((call) => call.operation)).toEqual(["testConnection"]);
      const row = await rawAccount(created.id);
      expect(row).toMatchObject({ lastTestedAt: NOW, lastTestOk: true, lastTestError: null });
      expect(row.updatedAt).toEqual(before.updatedAt);
    });

    it("records the carrier's error code, never its text", async () => {
      const created = await createCarrierAccount(testDb.db, upsForm(), admin);
      fake.failNext("testConnection", "unauthorized");
      const outcome = await testCarrierAccount(
        { db: testDb.db, carriers: directoryOf(fake), now: () => NOW },
        created.id,
        admin,
      );
      expect(outcome).toMatchObject({ ok: false, code: "unauthorized", carrierMessage: "fake unauthorized" });
      const row = await rawAccount(created.id);
      expect(row).toMatchObject({ lastTestedAt: NOW, lastTestOk: false, lastTestError: "unauthorized" });
      const audits = await auditsOf(created.id);
      expect(audits.at(-1)).toMatchObject({
        action: "carrier_account.tested",
        after: { ok: false, error: "unauthorized" },
      });
      expect(JSON.stringify(audits)).not.toContain("fake unauthorized");

      // A later success clears the error.
      await testCarrierAccount({ db: testDb.db, carriers: directoryOf(fake), now: () => NOW }, created.id, admin);
      expect(await rawAccount(created.id)).toMatchObject({ lastTestOk: true, lastTestError: null });
    });

    it("records an error that is not the carrier's as unexpected", async () => {
      const created = await createCarrierAccount(testDb.db, upsForm(), admin);
      const broken: CarrierClient = {
        ...fake,
        testConnection: async () => {
          throw new TypeError("boom");
        },
      };
      const outcome = await testCarrierAccount({ db: testDb.db, carriers: directoryOf(broken) }, created.id, admin);
      expect(outcome).toMatchObject({ ok: false, code: "unexpected" });
      expect(await rawAccount(created.id)).toMatchObject({ lastTestOk: false, lastTestError: "unexpected" });
    });

    it("records a carrier without a client as unexpected, not as the carrier's refusal", async () => {
      const created = await createCarrierAccount(testDb.db, upsForm(), admin);
      const missing: CarrierDirectory = {
        forStore: async () => {
          throw new Error("No client for ups");
        },
        forAccount: async () => {
          throw new Error("No client for ups");
        },
      };
      const outcome = await testCarrierAccount({ db: testDb.db, carriers: missing }, created.id, admin);
      expect(outcome).toMatchObject({ ok: false, code: "unexpected", carrierMessage: null });
      expect(await rawAccount(created.id)).toMatchObject({ lastTestOk: false, lastTestError: "unexpected" });
    });

    it("keeps CarrierApiError codes as they are (a rate limit is not a wrong password)", async () => {
      const created = await createCarrierAccount(testDb.db, upsForm(), admin);
      const limited: CarrierClient = {
        ...fake,
        testConnection: async () => {
          throw new CarrierApiError("rateLimited", "ups", "Quota Limit Exceeded");
        },
      };
      await testCarrierAccount({ db: testDb.db, carriers: directoryOf(limited) }, created.id, admin);
      expect((await rawAccount(created.id)).lastTestError).toBe("rateLimited");
    });

    it("refuses an account that does not exist", async () => {
      await expect(
        testCarrierAccount({ db: testDb.db, carriers: directoryOf(fake) }, crypto.randomUUID(), admin),
      ).rejects.toMatchObject({ code: "errors.notFound" });
      expect(fake.calls).toEqual([]);
    });
  });

  describe("assignments", () => {
    it("assigns an account of the same carrier, replaces it, and unassigns with null", async () => {
      const ups = await createCarrierAccount(testDb.db, upsForm(), admin);
      const other = await createCarrierAccount(testDb.db, { ...upsForm(), name: "UPS 2" }, admin);
      await assignStoreCarrierAccount(testDb.db, { storeId: storeA.id, carrier: "ups", accountId: ups.id }, admin);
      await assignStoreCarrierAccount(testDb.db, { storeId: storeA.id, carrier: "ups", accountId: other.id }, admin);
      const assigned = await testDb.db
        .select()
        .from(storeCarrierAccounts)
        .where(eq(storeCarrierAccounts.storeId, storeA.id));
      expect(assigned).toEqual([{ storeId: storeA.id, carrier: "ups", carrierAccountId: other.id }]);
      expect((await listStoreAccounts(testDb.db)).find((store) => store.id === storeA.id)?.accounts).toEqual({
        ups: other.id,
      });

      await assignStoreCarrierAccount(testDb.db, { storeId: storeA.id, carrier: "ups", accountId: null }, admin);
      expect(
        await testDb.db.select().from(storeCarrierAccounts).where(eq(storeCarrierAccounts.storeId, storeA.id)),
      ).toEqual([]);
      // The last three of the store's audits (an earlier test assigned it too).
      const audits = (await auditsOf(storeA.id))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        .slice(-3);
      expect(audits.map((audit) => audit.after)).toEqual([
        { carrier: "ups", accountId: ups.id },
        { carrier: "ups", accountId: other.id },
        { carrier: "ups", accountId: null },
      ]);
    });

    it("refuses an account of another carrier, and unknown stores or accounts", async () => {
      const ups = await createCarrierAccount(testDb.db, upsForm(), admin);
      await expect(
        assignStoreCarrierAccount(testDb.db, { storeId: storeA.id, carrier: "fedex", accountId: ups.id }, admin),
      ).rejects.toMatchObject({ code: "carrierAccounts.errors.carrierMismatch", values: { carrier: "FedEx" } });
      await expect(
        assignStoreCarrierAccount(
          testDb.db,
          { storeId: storeA.id, carrier: "ups", accountId: crypto.randomUUID() },
          admin,
        ),
      ).rejects.toMatchObject({ code: "errors.notFound" });
      await expect(
        assignStoreCarrierAccount(
          testDb.db,
          { storeId: crypto.randomUUID(), carrier: "ups", accountId: ups.id },
          admin,
        ),
      ).rejects.toBeInstanceOf(AppError);
      expect(await testDb.db.select().from(storeCarrierAccounts)).toEqual([]);
    });
  });

  describe("delete", () => {
    it("refuses an account stores use, naming them, and deletes it once none does", async () => {
      const ups = await createCarrierAccount(testDb.db, upsForm(), admin);
      await assignStoreCarrierAccount(testDb.db, { storeId: storeB.id, carrier: "ups", accountId: ups.id }, admin);
      await assignStoreCarrierAccount(testDb.db, { storeId: storeA.id, carrier: "ups", accountId: ups.id }, admin);
      await expect(deleteCarrierAccount(testDb.db, ups.id, admin)).rejects.toMatchObject({
        code: "carrierAccounts.errors.inUse",
        values: { name: "UPS Brasil", stores: "Loja A, Loja B" },
      });
      expect(await rawAccount(ups.id)).toBeDefined();

      for (const store of [storeA, storeB]) {
        await assignStoreCarrierAccount(testDb.db, { storeId: store.id, carrier: "ups", accountId: null }, admin);
      }
      const deleted = await deleteCarrierAccount(testDb.db, ups.id, admin);
      expect(deleted).not.toHaveProperty("credentials");
      expect(await rawAccount(ups.id)).toBeUndefined();
      expect((await auditsOf(ups.id)).map((audit) => audit.action)).toEqual([
        "carrier_account.created",
        "carrier_account.deleted",
      ]);
      await expect(deleteCarrierAccount(testDb.db, ups.id, admin)).rejects.toMatchObject({ code: "errors.notFound" });
    });
  });
});

describe(`the emulated accounts bootstrap (${driverName})`, () => {
  let emulator: CarrierEmulator;
  let bootDb: TestDb;
  const previousUrl = process.env.CARRIER_EMULATOR_URL;

  beforeAll(async () => {
    emulator = createCarrierEmulator({ modules: [] });
    await emulator.listen(0);
    bootDb = await createTestDb();
  }, 120_000);

  afterAll(async () => {
    await emulator?.close();
    await bootDb?.cleanup();
  });

  afterEach(() => {
    if (previousUrl === undefined) delete process.env.CARRIER_EMULATOR_URL;
    else process.env.CARRIER_EMULATOR_URL = previousUrl;
  });

  async function emulatorAccounts(host = emulator) {
    const response = await fetch(`${host.url}/__carriers/accounts`);
    return ((await response.json()) as { accounts: { carrier: string; clientId: string; accountNumber: string }[] })
      .accounts;
  }

  it("does nothing without CARRIER_EMULATOR_URL", async () => {
    delete process.env.CARRIER_EMULATOR_URL;
    const store = await insertStore(bootDb.db, "early.myshopify.com", "Early", "connected");
    expect(await bootstrapEmulatedCarrierAccounts(bootDb.db)).toBeNull();
    await assignEmulatedAccounts(bootDb.db, store.id);
    expect(await bootDb.db.select().from(carrierAccounts)).toEqual([]);
    expect(await bootDb.db.select().from(storeCarrierAccounts)).toEqual([]);
  });

  it("creates one account per carrier once, assigns them to connected stores and registers them", async () => {
    process.env.CARRIER_EMULATOR_URL = emulator.url;
    const gone = await insertStore(bootDb.db, "gone.myshopify.com", "Gone", "uninstalled");
    // Twice at once (two processes starting), then again (a restart).
    const [first, second] = await Promise.all([
      bootstrapEmulatedCarrierAccounts(bootDb.db),
      bootstrapEmulatedCarrierAccounts(bootDb.db),
    ]);
    expect([first?.created, second?.created].sort()).toEqual([0, 3]);
    expect((await bootstrapEmulatedCarrierAccounts(bootDb.db))?.created).toBe(0);

    const accounts = await bootDb.db.select().from(carrierAccounts);
    expect(accounts.map((account) => [account.carrier, account.name, account.environment]).sort()).toEqual([
      ["dhl", "DHL Express (emulator)", "test"],
      ["fedex", "FedEx (emulator)", "test"],
      ["ups", "UPS (emulator)", "test"],
    ]);
    const credentials = accounts.map((account) => ({
      carrier: account.carrier,
      ...(JSON.parse(decryptSecret(account.credentials, account.id)) as { clientId: string; accountNumber: string }),
    }));
    for (const account of credentials) {
      // Valid for the carrier's own format, so the form would accept them too.
      const parsed = carrierAccountFormSchema.safeParse({
        carrier: account.carrier,
        name: "x",
        environment: "test",
        clientId: account.clientId,
        clientSecret: "s",
        accountNumber: account.accountNumber,
      });
      expect(parsed.success).toBe(true);
    }

    const [early] = await bootDb.db.select().from(stores).where(eq(stores.shopDomain, "early.myshopify.com"));
    const assigned = await bootDb.db.select().from(storeCarrierAccounts);
    expect(
      assigned
        .filter((row) => row.storeId === early.id)
        .map((row) => row.carrier)
        .sort(),
    ).toEqual(["dhl", "fedex", "ups"]);
    expect(assigned.filter((row) => row.storeId === gone.id)).toEqual([]);

    const registered = await emulatorAccounts();
    expect(
      registered
        .map(({ carrier, clientId, accountNumber }) => ({ carrier, clientId, accountNumber }))
        .sort((a, b) => a.carrier.localeCompare(b.carrier)),
    ).toEqual(
      credentials
        .map(({ carrier, clientId, accountNumber }) => ({ carrier, clientId, accountNumber }))
        .sort((a, b) => a.carrier.localeCompare(b.carrier)),
    );
  });

  it("registers every account again after the emulator restarts, including ones an admin added", async () => {
    process.env.CARRIER_EMULATOR_URL = emulator.url;
    const added = await createCarrierAccount(
      bootDb.db,
      form({
        carrier: "fedex",
        name: "FedEx own",
        environment: "test",
        clientId: "fedex-own-id",
        clientSecret: "fedex-own-secret",
        accountNumber: "123456789",
      }),
      null,
    );
    // A restarted emulator: a new one, which knows no account.
    const restarted = createCarrierEmulator({ modules: [] });
    await restarted.listen(0);
    try {
      process.env.CARRIER_EMULATOR_URL = restarted.url;
      expect(await emulatorAccounts(restarted)).toEqual([]);
      expect(await bootstrapEmulatedCarrierAccounts(bootDb.db)).toEqual({ created: 0, registered: 4 });
      const known = await emulatorAccounts(restarted);
      expect(known.map((account) => account.clientId)).toContain("fedex-own-id");
      expect(known.map((account) => account.carrier).sort()).toEqual(["dhl", "fedex", "fedex", "ups"]);
    } finally {
      await restarted.close();
      await bootDb.db.delete(carrierAccounts).where(eq(carrierAccounts.id, added.id));
    }
  });

  it("gives a store that connects later the emulated accounts, keeping one an admin chose", async () => {
    process.env.CARRIER_EMULATOR_URL = emulator.url;
    const later = await insertStore(bootDb.db, "later.myshopify.com", "Later", "connected");
    const chosen = await createCarrierAccount(bootDb.db, { ...upsForm(), name: "UPS chosen" }, null);
    await bootDb.db
      .insert(storeCarrierAccounts)
      .values({ storeId: later.id, carrier: "ups", carrierAccountId: chosen.id });
    await Promise.all([assignEmulatedAccounts(bootDb.db, later.id), assignEmulatedAccounts(bootDb.db, later.id)]);
    const rows = await bootDb.db.select().from(storeCarrierAccounts).where(eq(storeCarrierAccounts.storeId, later.id));
    expect(rows.map((row) => row.carrier).sort()).toEqual(["dhl", "fedex", "ups"]);
    const [ups] = await bootDb.db
      .select()
      .from(storeCarrierAccounts)
      .where(and(eq(storeCarrierAccounts.storeId, later.id), eq(storeCarrierAccounts.carrier, "ups")));
    expect(ups.carrierAccountId).toBe(chosen.id);
  });

  it("gives a store connected through Shopify OAuth the emulated accounts (store-connection's hook)", async () => {
    process.env.CARRIER_EMULATOR_URL = emulator.url;
    const app = { apiKey: "carrier-accounts-key", apiSecret: "carrier-accounts-secret" };
    const shop = "loja-transportadora.myshopify.com";
    const previous = { appUrl: process.env.APP_URL, shopify: process.env.SHOPIFY_EMULATOR_URL };
    const shopEmulator = createEmulator({ app });
    await shopEmulator.listen(0);
    try {
      createShop(shopEmulator.state, { domain: shop, name: "Loja Transportadora", orders: 1, seed: 14 });
      process.env.APP_URL = "http://127.0.0.1:3996";
      process.env.SHOPIFY_EMULATOR_URL = shopEmulator.url;
      const shopify = createShopify({ ...app, appUrl: process.env.APP_URL, emulatorUrl: shopEmulator.url });
      const { store } = await connectThroughEmulator({ db: bootDb.db, shopify }, shop, shopEmulator.url);
      const rows = await bootDb.db
        .select({ carrier: storeCarrierAccounts.carrier, name: carrierAccounts.name })
        .from(storeCarrierAccounts)
        .innerJoin(carrierAccounts, eq(carrierAccounts.id, storeCarrierAccounts.carrierAccountId))
        .where(eq(storeCarrierAccounts.storeId, store.id));
      expect(rows.map((row) => row.name).sort()).toEqual([
        "DHL Express (emulator)",
        "FedEx (emulator)",
        "UPS (emulator)",
      ]);
    } finally {
      await shopEmulator.close();
      for (const [name, value] of [
        ["APP_URL", previous.appUrl],
        ["SHOPIFY_EMULATOR_URL", previous.shopify],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("fails (for the caller to retry) while the emulator does not answer", async () => {
    process.env.CARRIER_EMULATOR_URL = "http://127.0.0.1:9";
    await expect(bootstrapEmulatedCarrierAccounts(bootDb.db)).rejects.toThrow();
  });
});
