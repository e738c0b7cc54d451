// Deterministic demo-store order generator for the local Shopify emulator.
//
// A Brazilian merchant in São Paulo that mostly exports: ~80% international orders across 19
// destination countries, ~15% domestic, ~5% gift cards / digital goods with no shipping address.
// Everything comes from one seeded PRNG (../random): the same seed and options give deep-equal orders,
// and the clock is never read. Orders are yielded one by one, so memory stays flat however many
// orders are asked for (the only state kept across orders is a few counters, the current block plan,
// the country deck and a small bounded ring of recent customers per country, for repeat buyers).
//
// Mix and deliberate gaps are stratified per block of 20 orders (16 international, 3 domestic,
// 1 without shipping address, in a shuffled order), so any 20 consecutive aligned orders hold exactly
// that mix. In each block, distinct international orders carry one deliberate gap each (an HS code
// missing, the phone missing, the US/CA state missing, a weight missing), one gets a custom shipping
// line an operator must map to a carrier, one is cancelled and one or two carry an NF-e access key.
// Every other international order is complete. Destination countries are drawn from a shuffled deck
// (38 cards over 19 countries), so the 48 international orders of a 60-order store see all 19.

import type { EmuFulfillment, EmuLineItem, EmuOrder, EmuShopProfile, FinancialStatus } from "../model";
import { Random, WeightedTable } from "../random";
import {
  BlockPlan,
  BLOCK_SIZE,
  KIND_DIGITAL,
  KIND_DOMESTIC,
  ROLE_CANCELLED,
  ROLE_CUSTOM_SHIPPING,
  ROLE_MAYBE_NFE,
  ROLE_NFE,
  ROLE_NO_HS,
  ROLE_NO_PHONE,
  ROLE_NO_PROVINCE,
  ROLE_NO_WEIGHT,
  ROLE_NORMAL,
} from "./block-plan";
import { chooseProducts, DIGITAL, NO_HS, NO_WEIGHT, QUANTITY, type Product } from "./catalogue";
import { BILLING_ABROAD, BR_CITIES, BRAZIL, COUNTRIES, CountryDeck, type Country } from "./countries";
import { Customers, type CustomerRecord } from "./customers";
import { formatCents, iso } from "./format";
import { NOTES } from "./notes";
import {
  carrierShipping,
  customShipping,
  DOMESTIC_SERVICES,
  INTERNATIONAL_SERVICES,
  tracking,
  type ShippingQuote,
} from "./shipping";
import { nfeAccessKey } from "./tax-ids";

export { cnpjCheckDigits, nfeCheckDigit } from "./tax-ids";

// ---------------------------------------------------------------------------------------------------
// Options and public entry points

export interface GenerateOrdersOptions {
  seed: number;
  count: number;
  shop: EmuShopProfile;
  /** Number of the first order ("#1001"); default 1001. */
  firstOrderNumber?: number;
  /** Legacy id of the first order; later ids increase from it. */
  firstId?: number;
  /** Default: `end` − 55 days. */
  start?: Date;
  /** Default: 2026-11-20T12:00:00Z (fixed, never the current clock). */
  end?: Date;
}

/** Default end of the order window (fixed, so the demo store never depends on the clock). */
export const DEFAULT_END_ISO = "2026-11-20T12:00:00Z";
export const DEFAULT_SPAN_DAYS = 55;
const DEFAULT_FIRST_ORDER_ID = 6_120_480_145_432;

export function demoStoreProfile(domain = "loja-demo.myshopify.com"): EmuShopProfile {
  return {
    domain,
    name: "Loja Demo Artesanato",
    plan: "standard",
    currency: "BRL",
    countryCode: "BR",
    provinceCode: "SP",
    city: "São Paulo",
    address1: "Rua Fradique Coutinho, 1200",
    zip: "05416-001",
    phone: "+55 11 3032-4500",
    primaryLocale: "pt-BR",
  };
}

export function demoStoreOrders(seed = 20261126, count = 60, shop: EmuShopProfile = demoStoreProfile()): EmuOrder[] {
  return Array.from(generateOrders({ seed, count, shop }));
}

// ---------------------------------------------------------------------------------------------------
// Payment status and time

const FINANCIAL = new WeightedTable<FinancialStatus>([
  ["PAID", 86],
  ["AUTHORIZED", 7],
  ["PENDING", 7],
]);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------------
// The generator

export function* generateOrders(options: GenerateOrdersOptions): Generator<EmuOrder, void, undefined> {
  const { seed, count, shop } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const end = options.end ? options.end.getTime() : Date.parse(DEFAULT_END_ISO);
  const start = (options.start ?? new Date(end - DEFAULT_SPAN_DAYS * DAY)).getTime();
  if (!(start < end)) throw new RangeError("start must be before end");
  const firstOrderNumber = options.firstOrderNumber ?? 1001;

  const r = new Random(seed);
  const state = new StoreState(r, shop, options.firstId ?? DEFAULT_FIRST_ORDER_ID);
  const slot = (end - start) / Math.max(count, 1);

  for (let i = 0; i < count; i++) {
    if (i % BLOCK_SIZE === 0) state.planBlock();
    // Truncated to whole seconds, like Shopify's timestamps; never before the previous order.
    let createdMs = Math.floor((start + (i + 0.05 + 0.9 * r.next()) * slot) / 1000) * 1000;
    if (createdMs < state.lastCreatedMs) createdMs = state.lastCreatedMs;
    state.lastCreatedMs = createdMs;
    yield state.order(i % BLOCK_SIZE, firstOrderNumber + i, createdMs, end);
  }
}

class StoreState {
  private orderId: number;
  private lineItemId = 15_384_920_417_000;
  private shippingLineId = 5_021_330_118_000;
  private fulfillmentId = 5_640_120_774_000;
  private nfeNumber: number;
  private first = true;
  lastCreatedMs = 0;

  private readonly block = new BlockPlan();
  private readonly deck = new CountryDeck();
  private readonly customers: Customers;

  private readonly r: Random;
  private readonly shop: EmuShopProfile;

  constructor(r: Random, shop: EmuShopProfile, firstOrderId: number) {
    this.r = r;
    this.shop = shop;
    this.orderId = firstOrderId;
    this.customers = new Customers(r);
    this.nfeNumber = r.int(1200, 4800);
  }

  planBlock(): void {
    this.block.plan(this.r);
  }

  private drawCountry(): Country {
    return COUNTRIES[this.deck.draw(this.r)];
  }

  private nextOrderId(): number {
    if (this.first) {
      this.first = false;
      return this.orderId;
    }
    this.orderId += this.r.int(1_000, 900_000);
    return this.orderId;
  }

  order(position: number, number: number, createdMs: number, endMs: number): EmuOrder {
    const r = this.r;
    const kind = this.block.kinds[position];
    let role = this.block.roles[position];
    if (role === ROLE_MAYBE_NFE) role = r.chance(0.6) ? ROLE_NFE : ROLE_NORMAL;
    const id = this.nextOrderId();

    // Destination and customer.
    let country: Country;
    let customer: CustomerRecord;
    if (kind === KIND_DIGITAL) {
      country = r.chance(0.6) ? BRAZIL : COUNTRIES[r.pick(BILLING_ABROAD)];
      customer = this.customers.newCustomer(
        country,
        country === BRAZIL ? BR_CITIES.sample(r) : r.pick(country.cities),
        false,
      );
    } else if (kind === KIND_DOMESTIC) {
      country = BRAZIL;
      customer = this.customers.customerFor(country, () => BR_CITIES.sample(r));
    } else if (role === ROLE_NO_PROVINCE) {
      country = COUNTRIES[r.chance(0.7) ? "US" : "CA"];
      customer = this.customers.newCustomer(country, r.pick(country.cities), false);
      customer.address.province = null;
      customer.address.provinceCode = null;
    } else if (role === ROLE_NO_PHONE) {
      country = this.drawCountry();
      customer = this.customers.newCustomer(country, r.pick(country.cities), true);
    } else {
      country = this.drawCountry();
      customer =
        role === ROLE_NORMAL || role === ROLE_NFE
          ? this.customers.customerFor(country, () => r.pick(country.cities))
          : this.customers.newCustomer(country, r.pick(country.cities), false);
    }

    // Line items.
    const lineItems: EmuLineItem[] = [];
    let linesCents = 0;
    let kilograms = 0.25; // packaging
    const addLine = (product: Product) => {
      const variant = r.pick(product.variants);
      const quantity = QUANTITY.sample(r);
      this.lineItemId += r.int(1, 40_000);
      lineItems.push({
        id: this.lineItemId,
        sku: variant.sku,
        title: product.title,
        variantTitle: variant.title,
        quantity,
        unitPrice: variant.price,
        variantId: variant.variantId,
        inventoryItemId: variant.inventoryItemId,
        hsCode: product.hsCode,
        countryOfOrigin: product.countryOfOrigin,
        weight: variant.hasWeight ? { value: variant.weightValue, unit: variant.weightUnit } : null,
        requiresShipping: product.requiresShipping,
      });
      linesCents += variant.cents * quantity;
      kilograms += (variant.hasWeight ? variant.kilograms : 0.1) * quantity;
    };
    if (kind === KIND_DIGITAL) {
      addLine(DIGITAL.table.sample(r));
      // Now and then a gift card and the e-book together.
      if (r.chance(0.15)) addLine(DIGITAL.products[lineItems[0].title === DIGITAL.products[0].title ? 1 : 0]);
    } else {
      const gapProduct =
        role === ROLE_NO_HS ? NO_HS.table.sample(r) : role === ROLE_NO_WEIGHT ? NO_WEIGHT.table.sample(r) : null;
      for (const product of chooseProducts(r, gapProduct)) addLine(product);
    }

    // Shipping line.
    let shipping: ShippingQuote | null = null;
    if (kind !== KIND_DIGITAL) {
      this.shippingLineId += r.int(1, 500_000);
      if (role === ROLE_CUSTOM_SHIPPING) {
        shipping = customShipping(r, this.shippingLineId);
      } else if (kind === KIND_DOMESTIC) {
        const zone = customer.address.provinceCode === "SP" ? 1 : 1.35;
        shipping = carrierShipping(r, this.shippingLineId, DOMESTIC_SERVICES, zone, kilograms);
      } else {
        shipping = carrierShipping(r, this.shippingLineId, INTERNATIONAL_SERVICES, country.zone, kilograms);
      }
    }
    const shippingCents = shipping === null ? 0 : shipping.cents;
    const service = shipping === null ? null : shipping.service;

    // Status, timestamps.
    let financialStatus: FinancialStatus = kind === KIND_DIGITAL ? "PAID" : FINANCIAL.sample(r);
    let updatedMs = Math.min(createdMs + r.int(20, 4 * 3600) * 1000, endMs);
    let closedMs: number | null = null;
    let cancelledMs: number | null = null;
    const fulfillments: EmuFulfillment[] = [];
    const shipped = lineItems.filter((line) => line.requiresShipping || kind === KIND_DIGITAL);
    if (role === ROLE_CANCELLED) {
      cancelledMs = Math.min(createdMs + r.int(1800, 2 * 86_400) * 1000, endMs);
      financialStatus = financialStatus === "PAID" ? "REFUNDED" : "VOIDED";
      updatedMs = closedMs = cancelledMs;
    } else if (kind === KIND_DIGITAL) {
      const at = Math.min(createdMs + r.int(30, 600) * 1000, endMs);
      this.fulfillmentId += r.int(1, 800_000);
      fulfillments.push({
        id: this.fulfillmentId,
        status: "SUCCESS",
        trackingCompany: null,
        trackingNumber: null,
        trackingUrl: null,
        notifyCustomer: true,
        createdAt: iso(at),
        lineItemIds: shipped.map((line) => line.id),
      });
      updatedMs = closedMs = at;
    } else if (
      service !== null &&
      (role === ROLE_NORMAL || role === ROLE_NFE) &&
      financialStatus === "PAID" &&
      createdMs + 4 * DAY < endMs &&
      r.chance(0.15)
    ) {
      const at = createdMs + r.int(6 * 3600, 72 * 3600) * 1000;
      const t = tracking(r, service);
      this.fulfillmentId += r.int(1, 800_000);
      fulfillments.push({
        id: this.fulfillmentId,
        status: "SUCCESS",
        trackingCompany: t.company,
        trackingNumber: t.number,
        trackingUrl: t.url,
        notifyCustomer: true,
        createdAt: iso(at),
        lineItemIds: shipped.map((line) => line.id),
      });
      updatedMs = closedMs = at;
    }

    const metafields: EmuOrder["metafields"] = [];
    if (role === ROLE_NFE) {
      metafields.push({
        namespace: "nfe",
        key: "access_key",
        type: "single_line_text_field",
        value: nfeAccessKey(r, createdMs, ++this.nfeNumber),
      });
    }

    const address = customer.address;
    const shippingAddress = kind === KIND_DIGITAL ? null : { ...address };
    const billingAddress = { ...address };
    const notes = NOTES[country.code] ?? NOTES.default;
    return {
      id,
      name: `#${number}`,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
      processedAt: iso(createdMs),
      closedAt: closedMs === null ? null : iso(closedMs),
      cancelledAt: cancelledMs === null ? null : iso(cancelledMs),
      cancelReason: cancelledMs === null ? null : "CUSTOMER",
      financialStatus,
      fulfillmentStatus: fulfillments.length > 0 ? "FULFILLED" : "UNFULFILLED",
      test: false,
      email: customer.email,
      phone: address.phone,
      currency: this.shop.currency,
      totalPrice: formatCents(linesCents + shippingCents),
      customer: {
        id: customer.id,
        firstName: customer.person.firstName,
        lastName: customer.person.lastName,
        email: customer.email,
      },
      shippingAddress,
      billingAddress,
      shippingLines: shipping === null ? [] : [shipping.line],
      lineItems,
      note: r.chance(0.05) ? r.pick(notes) : null,
      customAttributes: r.chance(0.03) ? [{ key: "gift_wrap", value: "yes" }] : [],
      metafields,
      fulfillments,
    };
  }
}
