// What the operator's tables show by default and on request: Shipment Management newest first in
// a stable order, cancelled shipments out of the default view (and counted) until the status
// filter asks for them, and the Quotations tab one row per quoted shipment.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTableState, type SearchParams } from "@/lib/table/params";
import { orders, quotes, shipments, stores } from "@/server/db/schema";
import { listQuotes, countQuotedShipments, quotesTable } from "@/server/queries/quotes";
import { countHiddenCancelled, listShipments, shipmentsTable } from "@/server/queries/shipments";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
const ids: Record<string, string> = {};
const quoteIds: Record<string, string> = {};

type Status = "draft" | "ready" | "pickup_scheduled" | "shipped" | "cancelled";
// Created at `minute` past a fixed instant; #1004 and #1005 tie, so the id decides between them.
const SEEDS: { name: string; status: Status; minute: number; carrier: string; customer: string }[] = [
  { name: "#1001", status: "ready", minute: 1, carrier: "ups", customer: "Ana Lima" },
  { name: "#1002", status: "cancelled", minute: 2, carrier: "ups", customer: "Bruno Costa" },
  { name: "#1003", status: "shipped", minute: 3, carrier: "fedex", customer: "Carla Dias" },
  { name: "#1004", status: "pickup_scheduled", minute: 4, carrier: "dhl", customer: "Davi Reis" },
  { name: "#1005", status: "ready", minute: 4, carrier: "ups", customer: "Eva Melo" },
  { name: "#1006", status: "cancelled", minute: 5, carrier: "fedex", customer: "Fábio Nunes" },
  { name: "#1007", status: "draft", minute: 6, carrier: "ups", customer: "Gil Souza" },
];

beforeAll(async () => {
  testDb = await createTestDb();
  const db = testDb.db;
  const [store] = await db
    .insert(stores)
    .values({ shopDomain: "loja-tabelas.myshopify.com", name: "Loja das Tabelas" })
    .returning();
  for (const seed of SEEDS) {
    const [order] = await db
      .insert(orders)
      .values({
        storeId: store.id,
        shopifyGid: `gid://shopify/Order/${seed.name.slice(1)}`,
        name: seed.name,
        shopifyCreatedAt: new Date(),
        shopifyUpdatedAt: new Date(),
        currency: "BRL",
        totalPrice: "100.00",
        customerName: seed.customer,
        shippingCountry: "US",
      })
      .returning();
    const [shipment] = await db
      .insert(shipments)
      .values({
        orderId: order.id,
        storeId: store.id,
        status: seed.status,
        carrier: seed.carrier,
        destinationCountry: "US",
        createdAt: new Date(Date.UTC(2026, 11, 1, 12, seed.minute)),
      })
      .returning();
    ids[seed.name] = shipment.id;
  }
  // Quotations: #1007 (a draft) six quotes, the cheapest chosen; #1001 two, none chosen; #1003 one.
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 13, minute));
  const quoteRows = [
    ...["120.00", "99.90", "180.00", "140.00", "210.00", "160.00"].map((price, index) => ({
      key: `1007-${index}`,
      shipment: "#1007",
      carrier: index % 2 === 0 ? "ups" : "fedex",
      price,
      createdAt: at(10),
    })),
    { key: "1001-0", shipment: "#1001", carrier: "dhl", price: "90.00", createdAt: at(20) },
    { key: "1001-1", shipment: "#1001", carrier: "dhl", price: "70.00", createdAt: at(21) },
    { key: "1003-0", shipment: "#1003", carrier: "correios", price: "50.00", createdAt: at(5) },
  ];
  for (const row of quoteRows) {
    const [quote] = await db
      .insert(quotes)
      .values({
        shipmentId: ids[row.shipment],
        carrier: row.carrier,
        service: `Service ${row.key}`,
        chargeableWeightKg: "1.500",
        price: row.price,
        transitDays: 4,
        createdAt: row.createdAt,
      })
      .returning();
    quoteIds[row.key] = quote.id;
  }
  await db.update(shipments).set({ chosenQuoteId: quoteIds["1007-1"] }).where(eq(shipments.id, ids["#1007"]));
});
afterAll(async () => {
  await testDb?.cleanup();
});

async function managed(params: SearchParams = {}) {
  const state = parseTableState({ perPage: "100", ...params }, shipmentsTable);
  const page = await listShipments(testDb.db, state);
  return {
    names: page.rows.map((row) => row.orderName),
    total: page.rowCount,
    hidden: await countHiddenCancelled(testDb.db, state),
  };
}

/** #1004 and #1005 tie on their creation time: the shipment id orders them, the same way each read. */
function tieOrder(desc: boolean): string[] {
  const tied = ["#1004", "#1005"].sort((a, b) => ids[a].localeCompare(ids[b]));
  return desc ? tied.reverse() : tied;
}

describe(`Shipment Management's default view (${driverName})`, () => {
  it("lists the newest shipments first, ties in a stable order, without drafts or cancelled ones", async () => {
    expect(shipmentsTable.defaultSort).toEqual({ id: "createdAt", desc: true });
    const view = await managed();
    expect(view.names).toEqual([...tieOrder(true), "#1003", "#1001"]);
    expect(view.total).toBe(4);
    // Read again, one row per page: the same order, nothing skipped or repeated across pages.
    const paged: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const state = parseTableState({ perPage: "10", page: String(page) }, shipmentsTable);
      paged.push(...(await listShipments(testDb.db, { ...state, perPage: 1 })).rows.map((row) => row.orderName));
    }
    expect(paged).toEqual(view.names);
  });

  it("says how many cancelled shipments it leaves out, and the status filter brings them", async () => {
    expect((await managed()).hidden).toBe(2);
    const cancelled = await managed({ status: "cancelled" });
    expect(cancelled).toEqual({ names: ["#1006", "#1002"], total: 2, hidden: 0 });
    // Any status chosen by hand is exactly that: Cancelled with Ready, both; Ready alone, no cancelled.
    expect((await managed({ status: "ready,cancelled", sort: "createdAt.asc" })).names).toEqual([
      "#1001",
      "#1002",
      "#1005",
      "#1006",
    ]);
    expect(await managed({ status: "ready" })).toMatchObject({ total: 2, hidden: 0 });
  });

  it("counts the hidden cancelled shipments within the search and the other filters", async () => {
    expect(await managed({ carrier: "fedex" })).toEqual({ names: ["#1003"], total: 1, hidden: 1 });
    expect(await managed({ q: "bruno" })).toEqual({ names: [], total: 0, hidden: 1 });
    expect(await managed({ q: "ana" })).toEqual({ names: ["#1001"], total: 1, hidden: 0 });
  });
});

describe(`the Quotations tab (${driverName})`, () => {
  async function quoted(params: SearchParams = {}) {
    return listQuotes(testDb.db, parseTableState(params, quotesTable));
  }

  it("has one row per quoted shipment, the last quoted first, with its quotes cheapest first", async () => {
    const page = await quoted();
    expect(page.rowCount).toBe(3);
    expect(await countQuotedShipments(testDb.db)).toBe(3);
    expect(page.rows.map((row) => row.orderName)).toEqual(["#1001", "#1007", "#1003"]);
    const [first, draft] = page.rows;
    expect(first).toMatchObject({ customer: "Ana Lima", destination: "US", storeName: "Loja das Tabelas" });
    expect(first.quotes.map((quote) => quote.price)).toEqual(["70.00", "90.00"]);
    expect(first.chosen).toBeNull();
    expect(first.quotedAt).toEqual(new Date(Date.UTC(2026, 11, 1, 13, 21)));
    expect(draft.quotes).toHaveLength(6);
    expect(draft.quotes.map((quote) => quote.price)).toEqual([
      "99.90",
      "120.00",
      "140.00",
      "160.00",
      "180.00",
      "210.00",
    ]);
    expect(draft.chosen).toMatchObject({ id: quoteIds["1007-1"], carrier: "fedex", price: "99.90", chosen: true });
    expect(draft.quotes.filter((quote) => quote.chosen)).toHaveLength(1);
  });

  it("sorts by the number of quotes and filters by carrier, choice and search", async () => {
    expect((await quoted({ sort: "quotes.desc" })).rows.map((row) => row.orderName)).toEqual([
      "#1007",
      "#1001",
      "#1003",
    ]);
    expect((await quoted({ carrier: "dhl,correios", sort: "order.asc" })).rows.map((row) => row.orderName)).toEqual([
      "#1001",
      "#1003",
    ]);
    // The carrier filter picks shipments; each still shows every one of its quotes.
    const fedex = await quoted({ carrier: "fedex" });
    expect(fedex.rows.map((row) => [row.orderName, row.quotes.length])).toEqual([["#1007", 6]]);
    expect((await quoted({ choice: "chosen" })).rows.map((row) => row.orderName)).toEqual(["#1007"]);
    expect((await quoted({ choice: "open", sort: "order.asc" })).rows.map((row) => row.orderName)).toEqual([
      "#1001",
      "#1003",
    ]);
    expect((await quoted({ choice: "chosen,open" })).rowCount).toBe(3);
    expect((await quoted({ q: "carla" })).rows.map((row) => row.orderName)).toEqual(["#1003"]);
    // Two rows on two pages of one: the count is of shipments, not of quotes.
    const second = await listQuotes(testDb.db, { ...parseTableState({ page: "2" }, quotesTable), perPage: 1 });
    expect(second).toMatchObject({ rowCount: 3, rows: [{ orderName: "#1007" }] });
  });
});
