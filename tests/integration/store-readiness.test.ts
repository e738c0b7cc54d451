// Readiness before it bites, below the UI, on PGlite or PostgreSQL: which stores' shipper details
// would make documents or pickups refuse (and what they lack), as Stores, the shipment rows and the
// overview read it; and the probe that tells a mistyped shop from a real one before OAuth.
import type { Shopify } from "@shopify/shopify-api";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { validateShipperForm } from "@/domain/shipper";
import { parseTableState } from "@/lib/table/params";
import { createShop } from "@/emulator/control";
import { createEmulator, type Emulator } from "@/emulator/server";
import { stores, users } from "@/server/db/schema";
import { getOverview } from "@/server/queries/overview";
import { listStores, storeReadiness, storeRowById, storesTable } from "@/server/queries/stores";
import { connectThroughEmulator } from "@/server/services/emulator-connect";
import { updateShipperProfile } from "@/server/services/store-connection";
import { createShopify } from "@/server/shopify/api";
import { shopHasNoStore } from "@/server/shopify/shop-probe";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

const APP = { apiKey: "readiness-test-key", apiSecret: "readiness-test-secret" };
const SHOP = "loja-prontidao.myshopify.com";
const COMPLETE = {
  legalName: "Ateliê Completo Ltda",
  taxId: "11222333000181",
  address1: "Rua Augusta, 100",
  city: "São Paulo",
  state: "SP",
  postalCode: "01304-000",
  phone: "+551130324500",
  signatoryName: "Ana Souza",
};

let emulator: Emulator;
let shopify: Shopify;
let testDb: TestDb;
let adminId: string;

beforeAll(async () => {
  emulator = createEmulator({ app: APP });
  await emulator.listen(0);
  createShop(emulator.state, { domain: SHOP, name: "Loja Prontidão", orders: 3, seed: 11 });
  vi.stubEnv("APP_URL", "http://127.0.0.1:3996");
  vi.stubEnv("SHOPIFY_EMULATOR_URL", emulator.url);
  shopify = createShopify({ ...APP, appUrl: "http://127.0.0.1:3996", emulatorUrl: emulator.url });
  testDb = await createTestDb();
  // Connected through OAuth: the shipper details start from the shop's Shopify address (no CNPJ, no signatory).
  await connectThroughEmulator({ db: testDb.db, shopify }, SHOP, emulator.url);
  await testDb.db.insert(stores).values([
    { shopDomain: "pronta.myshopify.com", name: "Loja Pronta", shipper: COMPLETE },
    // No signatory: documents can be issued, pickups cannot.
    { shopDomain: "sem-contato.myshopify.com", name: "Loja Sem Contato", shipper: { ...COMPLETE, signatoryName: "" } },
    // Needs a reconnect, and still ships: flagged as well.
    {
      shopDomain: "reconectar.myshopify.com",
      name: "Loja A Reconectar",
      status: "reconnect_needed",
      shipper: { ...COMPLETE, taxId: null },
    },
    // Uninstalled: ships nothing, never flagged.
    { shopDomain: "removida.myshopify.com", name: "Loja Removida", status: "uninstalled", shipper: null },
  ]);
  const [admin] = await testDb.db
    .insert(users)
    .values({ email: "admin@example.com", name: "Ana Admin", passwordHash: "x", role: "admin" })
    .returning();
  adminId = admin.id;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator?.close();
  await testDb?.cleanup();
});

const storeId = async (domain: string) =>
  (await testDb.db.select({ id: stores.id }).from(stores).where(eq(stores.shopDomain, domain)))[0].id;

describe(`store readiness (${driverName})`, () => {
  it("names every store whose shipper details documents or pickups would refuse, and what each lacks", async () => {
    const facts = await storeReadiness(testDb.db);
    // Connected ones only: the one needing a reconnect is not counted, though it is flagged.
    expect(facts.connectedStores).toBe(3);
    expect(facts.shipperGaps).toEqual([
      {
        storeId: await storeId("reconectar.myshopify.com"),
        storeName: "Loja A Reconectar",
        missing: ["taxId"],
        documents: false,
        pickups: true,
      },
      {
        storeId: await storeId(SHOP),
        storeName: "Loja Prontidão",
        missing: ["taxId", "signatoryName"],
        documents: false,
        pickups: false,
      },
      {
        storeId: await storeId("sem-contato.myshopify.com"),
        storeName: "Loja Sem Contato",
        missing: ["signatoryName"],
        documents: true,
        pickups: false,
      },
    ]);
  });

  it("gives the overview and the Stores rows the same verdict", async () => {
    expect((await getOverview(testDb.db)).readiness).toEqual(await storeReadiness(testDb.db));
    const page = await listStores(testDb.db, parseTableState({}, storesTable));
    const missing = Object.fromEntries(page.rows.map((row) => [row.name, row.readiness.missing]));
    expect(missing).toMatchObject({
      "Loja Pronta": [],
      "Loja Prontidão": ["taxId", "signatoryName"],
      "Loja Sem Contato": ["signatoryName"],
    });
    const linked = await storeRowById(testDb.db, await storeId(SHOP));
    expect(linked?.readiness.missing).toEqual(["taxId", "signatoryName"]);
    expect(await storeRowById(testDb.db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });

  it("drops a store from the flags once an admin completes its shipper details", async () => {
    const id = await storeId(SHOP);
    const current = (await storeRowById(testDb.db, id))!.shipper;
    const form = validateShipperForm({ ...current, taxId: "11.222.333/0001-81", signatoryName: "Bruno Lima" });
    if (!form.ok) throw new Error(`the form was refused: ${JSON.stringify(form.problems)}`);
    await updateShipperProfile(testDb.db, id, form.profile, adminId);
    const gaps = (await storeReadiness(testDb.db)).shipperGaps.map((gap) => gap.storeName);
    expect(gaps).toEqual(["Loja A Reconectar", "Loja Sem Contato"]);
  });
});

describe("the shop probe before OAuth", () => {
  it("tells a shop Shopify does not have from one it has", async () => {
    expect(await shopHasNoStore(shopify, "loja-prontidoa.myshopify.com")).toBe(true);
    expect(await shopHasNoStore(shopify, SHOP)).toBe(false);
  });
});
