// The mapping comparison (issue 16, "Import"): 10,000 orders from the project's order generator,
// read the way a first sync reads them (the emulator's Bulk Operation query, grouped JSONL, the
// dashboard's own streamBulkOrders), one in four then made odd on purpose — huge orders, odd
// currencies, absurd values, missing addresses, phones in odd formats, unstorable texts — and each
// mapped with a store context. The digest covers everything the import decides from an order:
// mapOrder's whole result (or that it threw) and the order row it stores (raw snapshot included).
// It was recorded from the code before the import was made fast (tests/fixtures/mapping-10k.*),
// so a faster mapping can be checked to decide exactly the same, order by order.
import { createHash } from "node:crypto";
import { execute, parse, type ExecutionResult } from "graphql";
import { addDays, type IsoDate } from "@/domain/calendar";
import type { PtaxRate, RateTable } from "@/domain/exchange-rates";
import { mapOrder, type MappingContext } from "@/domain/order-mapping";
import { CLOSING_BULLETIN, PTAX_CURRENCIES } from "@/domain/ptax";
import type { ShopifyLineItem, ShopifyOrderNode } from "@/domain/shopify-order";
import { flattenToJsonl } from "@/emulator/bulk";
import { demoStoreProfile, generateOrders } from "@/emulator/generator";
import { bulletinsOn } from "@/emulator/ptax/seed";
import { ordersConnection } from "@/emulator/resolvers";
import { loadAdminSchema } from "@/emulator/schema";
import { EmulatorState } from "@/emulator/state";
import { streamBulkOrders } from "@/server/services/sync/bulk-import";
import { orderRow } from "@/server/services/sync/import-page";
import { bulkOrdersQuery } from "@/server/shopify/operations";

const CORPUS_ORDERS = 10_000;
/** The generator's seed (the one scripts/bench/sync.ts uses). */
const SEED = 77;
/** Orders per chunk digest, so a difference is found to within a hundred orders. */
const CHUNK = 100;

// ------------------------------------------------------------------------------------------------
// Store contexts

/** The evaluation day (a Monday after the generator's window), and the PTAX closings before it. */
const TODAY: IsoDate = "2026-11-23";

function closingRates(today: IsoDate): RateTable {
  const table: Record<string, PtaxRate[]> = {};
  for (const currency of PTAX_CURRENCIES) {
    table[currency] = [];
    for (let back = 1; back <= 10; back++) {
      const date = addDays(today, -back);
      for (const bulletin of bulletinsOn(currency, date)) {
        if (bulletin.kind !== CLOSING_BULLETIN) continue;
        table[currency].push({
          currency,
          date,
          buyBrl: String(bulletin.buy),
          sellBrl: String(bulletin.sell),
          bulletin: CLOSING_BULLETIN,
          quotedAt: `${date}T16:04:00.000Z`,
          source: "bcb_ptax",
        });
      }
    }
  }
  return table;
}

const RATES = closingRates(TODAY);

/** The bench's store (São Paulo, customs defaults set, test orders skipped), and two unlike it. */
const CONTEXTS: Record<string, MappingContext> = {
  store: {
    originCountry: "BR",
    exchange: { rates: RATES, today: TODAY },
    customsDefaults: { incoterm: "DAP", exportReason: "sale" },
    testOrders: "skip",
  },
  // Test orders imported, no customs defaults, the NF-e key in a note attribute of another name.
  bare: {
    originCountry: "BR",
    invoiceKeyAttribute: " NFe_Key ",
    exchange: { rates: RATES, today: TODAY },
    customsDefaults: { incoterm: null, exportReason: null },
    testOrders: "import",
  },
  // A US store without rates at hand: US orders are domestic, Brazilian ones exports.
  abroad: { originCountry: "us", customsDefaults: { incoterm: "DDP", exportReason: null } },
};

/** Five in seven orders with the bench's store, one each with the two others (odd or not: 7 and 4 are coprime). */
function contextNameOf(index: number): string {
  return index % 7 === 5 ? "bare" : index % 7 === 6 ? "abroad" : "store";
}

// ------------------------------------------------------------------------------------------------
// Orders

/** The generated store's orders as the bulk result gives them (grouped JSONL, streamed). */
async function* bulkOrders(count: number): AsyncGenerator<ShopifyOrderNode> {
  const state = new EmulatorState({ apiKey: "compare", apiSecret: "compare" });
  const profile = { ...demoStoreProfile("mapping-compare.myshopify.com"), plan: "enterprise" as const };
  const shop = state.createShop(profile);
  // The generator's own fixed window (never the clock), so every run sees the same orders.
  for (const order of generateOrders({ seed: SEED, count, shop: profile })) {
    shop.orders.push(order);
    shop.ordersById.set(order.id, order);
  }
  const query = bulkOrdersQuery("2000-01-01T00:00:00.000Z", { namespace: "nfe", key: "access_key" });
  const result = execute({
    schema: loadAdminSchema(),
    document: parse(query),
    rootValue: { orders: ordersConnection },
    contextValue: { shop, bulk: true, now: () => new Date("2026-11-21T00:00:00Z") },
  }) as ExecutionResult;
  if (result.errors?.length) throw result.errors[0];
  const { jsonl } = flattenToJsonl(result.data ?? {}, true);
  yield* streamBulkOrders(
    (async function* () {
      yield* jsonl.split("\n");
    })(),
  );
}

type Oddity = (order: ShopifyOrderNode, index: number) => void;

const money = (amount: string, currencyCode: string) => ({
  shopMoney: { amount, currencyCode: "BRL" },
  presentmentMoney: { amount, currencyCode },
});

const firstLine = (order: ShopifyOrderNode): ShopifyLineItem | undefined => order.lineItems.nodes[0];

const inventoryOf = (line: ShopifyLineItem | undefined) => line?.variant?.inventoryItem;

function setPhones(order: ShopifyOrderNode, address: string | null, orderPhone: string | null = address) {
  if (order.shippingAddress) order.shippingAddress.phone = address;
  order.phone = orderPhone;
}

function presentIn(order: ShopifyOrderNode, currency: string, amount?: (shop: string) => string) {
  order.presentmentCurrencyCode = currency;
  order.totalPriceSet.presentmentMoney = {
    amount: amount ? amount(order.totalPriceSet.shopMoney.amount) : order.totalPriceSet.shopMoney.amount,
    currencyCode: currency,
  };
  for (const line of order.lineItems.nodes) {
    const shop = line.originalUnitPriceSet.shopMoney.amount;
    line.originalUnitPriceSet.presentmentMoney = { amount: amount ? amount(shop) : shop, currencyCode: currency };
  }
}

/** `count` lines copied from the order's own, each a distinct id, quantity and price. */
function manyLines(order: ShopifyOrderNode, count: number) {
  const model = order.lineItems.nodes;
  order.lineItems.nodes = Array.from({ length: count }, (_, index) => {
    const line = structuredClone(model[index % model.length]);
    line.id = `${line.id}${index}`;
    line.quantity = 1 + (index % 4);
    line.originalUnitPriceSet = money((1 + index * 0.37).toFixed(2), order.presentmentCurrencyCode);
    return line;
  });
}

const LONG = "Ação ".repeat(70); // 350 characters, accents and spaces
const CONTROL = "A\u0000B\u0007C\u001FD\u007F";
const LONE_SURROGATE = "x\uD800y";

/** Huge orders: one odd order in fifty is one of them, in turn (their lines would outweigh the rest). */
const HUGE: [string, Oddity][] = [
  ["120 lines", (o) => manyLines(o, 120)],
  ["500 lines (the most a shipment holds)", (o) => manyLines(o, 500)],
  ["501 lines", (o) => manyLines(o, 501)],
];

/** Each a kind of order a real store may send; the other odd orders get one each, in turn. */
const ODDITIES: [string, Oddity][] = [
  ["lines still to read", (o) => (o.lineItems.pageInfo = { hasNextPage: true, endCursor: "cursor" })],
  [
    "quantity 10,000 × 10,000,000.00",
    (o) =>
      Object.assign(
        firstLine(o)!,
        { quantity: 10_000 },
        { originalUnitPriceSet: money("10000000.00", o.presentmentCurrencyCode) },
      ),
  ],
  // Odd currencies.
  ["presentment EUR at 0.17", (o) => presentIn(o, "EUR", (a) => (Number(a) * 0.17).toFixed(2))],
  ["presentment USD", (o) => presentIn(o, "USD", (a) => (Number(a) / 5.4).toFixed(2))],
  ["presentment JPY, no decimals", (o) => presentIn(o, "JPY", (a) => String(Math.round(Number(a) * 28)))],
  ["presentment KWD, three decimals", (o) => presentIn(o, "KWD", (a) => (Number(a) * 0.056).toFixed(3))],
  ["presentment XXX", (o) => presentIn(o, "XXX")],
  ["presentment lowercase usd", (o) => presentIn(o, "usd")],
  ["presentment empty", (o) => presentIn(o, "")],
  ["a line in another currency", (o) => (firstLine(o)!.originalUnitPriceSet.presentmentMoney.currencyCode = "GBP")],
  // Absurd values.
  ["total 1e309", (o) => (o.totalPriceSet.shopMoney.amount = "1e309")],
  ["total negative", (o) => (o.totalPriceSet.shopMoney.amount = "-12.50")],
  ["total beyond the column", (o) => (o.totalPriceSet.shopMoney.amount = "99999999999999999.99")],
  ["total with spaces and 4 decimals", (o) => (o.totalPriceSet.shopMoney.amount = " 361.6050 ")],
  ["unit price unreadable", (o) => (firstLine(o)!.originalUnitPriceSet.presentmentMoney.amount = "12,50")],
  ["unit price zero", (o) => (firstLine(o)!.originalUnitPriceSet.presentmentMoney.amount = "0.00")],
  ["unit price 0.001", (o) => (firstLine(o)!.originalUnitPriceSet.presentmentMoney.amount = "0.001")],
  ["quantity 0, -1 and 2.5", (o) => o.lineItems.nodes.forEach((line, i) => (line.quantity = [0, -1, 2.5][i % 3]))],
  ["quantity 1e9", (o) => (firstLine(o)!.quantity = 1e9)],
  [
    "weight negative",
    (o) => {
      const item = inventoryOf(firstLine(o));
      if (item) item.measurement.weight = { value: -1, unit: "KILOGRAMS" };
    },
  ],
  [
    "weight 1e12 pounds",
    (o) => {
      const item = inventoryOf(firstLine(o));
      if (item) item.measurement.weight = { value: 1e12, unit: "POUNDS" };
    },
  ],
  [
    "weight in stones",
    (o) => {
      const item = inventoryOf(firstLine(o));
      if (item) item.measurement.weight = { value: 2, unit: "STONES" as never };
    },
  ],
  [
    "weight as text",
    (o) => {
      const item = inventoryOf(firstLine(o));
      if (item) item.measurement.weight = { value: "2" as never, unit: "GRAMS" };
    },
  ],
  [
    "ounces and grams",
    (o) =>
      o.lineItems.nodes.forEach((line, i) => {
        const item = inventoryOf(line);
        if (item) item.measurement.weight = { value: 7.3 + i, unit: i % 2 ? "OUNCES" : "GRAMS" };
      }),
  ],
  ["no variant", (o) => (firstLine(o)!.variant = null)],
  [
    "HS code with dots, origin lowercase",
    (o) => {
      const item = inventoryOf(firstLine(o));
      if (item) Object.assign(item, { harmonizedSystemCode: " 0901.21.00 ", countryCodeOfOrigin: "br" });
    },
  ],
  ["every line digital", (o) => o.lineItems.nodes.forEach((line) => (line.requiresShipping = false))],
  ["no lines", (o) => (o.lineItems.nodes = [])],
  // Missing addresses.
  ["no shipping address", (o) => (o.shippingAddress = null)],
  [
    "an address of nulls",
    (o) => {
      if (o.shippingAddress)
        for (const key of Object.keys(o.shippingAddress))
          (o.shippingAddress as never as Record<string, null>)[key] = null;
    },
  ],
  [
    "country lowercase",
    (o) => {
      if (o.shippingAddress) o.shippingAddress.countryCodeV2 = o.shippingAddress.countryCodeV2?.toLowerCase() ?? null;
    },
  ],
  [
    "country ZZ",
    (o) => {
      if (o.shippingAddress) o.shippingAddress.countryCodeV2 = "ZZ";
    },
  ],
  [
    "no name, no city, no zip",
    (o) => {
      if (o.shippingAddress)
        Object.assign(o.shippingAddress, { name: "  ", firstName: null, lastName: null, city: "", zip: null });
    },
  ],
  ["no customer, no e-mail", (o) => Object.assign(o, { customer: null, email: null })],
  // Phones in odd formats.
  ["phone (212) 555-0143", (o) => setPhones(o, "(212) 555-0143")],
  ["phone 212.555.0143 only on the order", (o) => setPhones(o, null, "212.555.0143")],
  ["phone 00 44 20 7946 0958", (o) => setPhones(o, "00 44 20 7946 0958")],
  ["phone +55 (11) 9 8765-4321", (o) => setPhones(o, "+55 (11) 9 8765-4321")],
  ["phone tel:+1-212-555-0143", (o) => setPhones(o, "tel:+1-212-555-0143")],
  ["phone with an extension", (o) => setPhones(o, "+1 212 555 0143 ext. 7")],
  ["phone in full-width digits", (o) => setPhones(o, "＋８１ ９０ １２３４ ５６７８")],
  ["phone invalid, the order's valid", (o) => setPhones(o, "12345", "+5511973673637")],
  ["phone ++44 and +", (o) => setPhones(o, "++44 20 7946 0958", "+")],
  ["phone 300 digits", (o) => setPhones(o, "9".repeat(300))],
  ["phone with control characters", (o) => setPhones(o, "\u0000+1 212\u0007 555 0143")],
  ["phone blank", (o) => setPhones(o, "   ", "")],
  // Texts a database refuses or a label cannot hold.
  [
    "texts too long",
    (o) => {
      Object.assign(firstLine(o)!, { title: LONG, sku: LONG });
      if (o.shippingAddress) Object.assign(o.shippingAddress, { name: LONG, address1: LONG, city: LONG, zip: LONG });
    },
  ],
  [
    "control characters",
    (o) => {
      o.name = `#${CONTROL}`;
      firstLine(o)!.title = CONTROL;
      if (o.shippingAddress) o.shippingAddress.address2 = CONTROL;
    },
  ],
  [
    "lone surrogates",
    (o) => {
      firstLine(o)!.title = LONE_SURROGATE;
      o.note = LONE_SURROGATE;
      if (o.shippingAddress) o.shippingAddress.company = LONE_SURROGATE;
    },
  ],
  [
    "emoji and right-to-left",
    (o) => {
      if (o.shippingAddress) Object.assign(o.shippingAddress, { name: "سارة 👩🏽‍🚀 Ωmega", address1: "שדרות רוטשילד 1" });
    },
  ],
  ["an unstorable key", (o) => Object.defineProperty(o, "odd\u0000key", { value: "x", enumerable: true })],
  // Shipping lines and NF-e keys.
  ["no shipping line", (o) => (o.shippingLines.nodes = [])],
  [
    "an unknown carrier",
    (o) =>
      (o.shippingLines.nodes = [
        { ...o.shippingLines.nodes[0], title: "Frete Mágico", code: null, carrierIdentifier: null, source: "app" },
      ]),
  ],
  ["an NF-e key invalid", (o) => (o.invoiceKey = { value: "3526 0111 2223 3300 0181 5500 1000 0123 4518 7654 3210" })],
  [
    "an NF-e key in a note attribute",
    (o) =>
      (o.customAttributes = [
        { key: "NFE_KEY", value: " 35260111222333000181550010000123451876543219 " },
        { key: "nfe_access_key", value: "35260111222333000181550010000123451876543219" },
      ]),
  ],
  ["test order", (o) => (o.test = true)],
  ["cancelled", (o) => (o.cancelledAt = o.updatedAt)],
  // Shapes the mapping cannot read (an unreadable item on import).
  ["no line connection", (o) => ((o as never as Record<string, unknown>).lineItems = null)],
  ["no total", (o) => ((o as never as Record<string, unknown>).totalPriceSet = null)],
];

/** The order made odd, or as generated (three in four). */
function withOddity(order: ShopifyOrderNode, index: number): { order: ShopifyOrderNode; oddity: string | null } {
  if (index % 4 !== 3) return { order, oddity: null };
  const odd = index >> 2;
  const [name, make] = odd % 50 === 49 ? HUGE[Math.floor(odd / 50) % HUGE.length] : ODDITIES[odd % ODDITIES.length];
  make(order, index);
  return { order, oddity: name };
}

export interface CorpusOrder {
  index: number;
  order: ShopifyOrderNode;
  oddity: string | null;
  contextName: string;
  context: MappingContext;
}

/** The corpus, order by order (deterministic: the same orders every run, on every machine). */
export async function* corpus(count = CORPUS_ORDERS): AsyncGenerator<CorpusOrder> {
  let index = 0;
  for await (const generated of bulkOrders(count)) {
    const { order, oddity } = withOddity(generated, index);
    const contextName = contextNameOf(index);
    yield { index, order, oddity, contextName, context: CONTEXTS[contextName] };
    index++;
  }
}

// ------------------------------------------------------------------------------------------------
// What the import decides, and its digest

/**
 * JSON with object keys sorted, so the digest depends on values, not on the order keys were set
 * in; otherwise as JSON.stringify (toJSON, undefined left out, non-finite numbers null).
 */
function canonicalJson(value: unknown): string | undefined {
  const json = (value as { toJSON?: () => unknown } | null)?.toJSON;
  if (typeof json === "function") value = json.call(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item) ?? "null").join(",")}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const item = canonicalJson((value as Record<string, unknown>)[key]);
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`);
  }
  return `{${parts.join(",")}}`;
}

const STORE_ID = "00000000-0000-4000-8000-000000000016";

/** What importing the order decides: the mapping's result and the order row stored (its clock left out). */
function decisionOf({ order, context }: Pick<CorpusOrder, "order" | "context">) {
  // As import-page.ts does: the node mapped, then its row built from the same node.
  const mapping = attempt(() => mapOrder(order, context));
  const row = attempt(() => {
    const { updatedAt: _clock, ...stored } = orderRow(STORE_ID, order);
    return stored;
  });
  return { mapping, row };
}

/** A result, or the fact that it threw (the import turns that into an "unreadable" failed item). */
function attempt<T>(run: () => T): T | { threw: true } {
  try {
    return run();
  } catch {
    return { threw: true };
  }
}

export interface CorpusDigest {
  orders: number;
  sha256: string;
  /** The sha256 of each CHUNK orders, in order: where a difference is. */
  chunks: string[];
  /** How the orders were decided, e.g. "shipment:draft" → count. */
  outcomes: Record<string, number>;
  oddities: number;
}

export async function digestCorpus(count = CORPUS_ORDERS): Promise<CorpusDigest> {
  const whole = createHash("sha256");
  const chunks: string[] = [];
  let chunk = createHash("sha256");
  const outcomes: Record<string, number> = {};
  let orders = 0;
  let oddities = 0;
  for await (const entry of corpus(count)) {
    const decision = decisionOf(entry);
    const line = `${entry.index} ${entry.contextName} ${canonicalJson(decision)}\n`;
    whole.update(line);
    chunk.update(line);
    const mapping = decision.mapping as { kind?: string; status?: string; code?: string; threw?: true };
    const outcome = mapping.threw ? "threw" : [mapping.kind, mapping.status ?? mapping.code].filter(Boolean).join(":");
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (entry.oddity) oddities++;
    orders++;
    if (orders % CHUNK === 0) {
      chunks.push(chunk.digest("hex"));
      chunk = createHash("sha256");
    }
  }
  if (orders % CHUNK !== 0) chunks.push(chunk.digest("hex"));
  const sorted = Object.fromEntries(Object.entries(outcomes).sort(([a], [b]) => a.localeCompare(b)));
  return { orders, sha256: whole.digest("hex"), chunks, outcomes: sorted, oddities };
}
