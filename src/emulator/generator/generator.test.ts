import { describe, expect, it } from "vitest";
import {
  cnpjCheckDigits,
  DEFAULT_END_ISO,
  DEFAULT_SPAN_DAYS,
  demoStoreOrders,
  demoStoreProfile,
  generateOrders,
  nfeCheckDigit,
} from ".";
import type { EmuOrder } from "../model";
import { Random } from "../random";

const POSTAL: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  CA: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  ES: /^\d{5}$/,
  IT: /^\d{5}$/,
  PT: /^\d{4}-\d{3}$/,
  NL: /^[1-9]\d{3} (?!SA|SD|SS)[A-Z]{2}$/,
  CH: /^\d{4}$/,
  SE: /^\d{3} \d{2}$/,
  GR: /^\d{3} \d{2}$/,
  JP: /^\d{3}-\d{4}$/,
  KR: /^\d{5}$/,
  CN: /^\d{6}$/,
  AU: /^\d{4}$/,
  MX: /^\d{5}$/,
  AR: /^([A-Z]\d{4}[A-Z]{3}|\d{4})$/,
  CL: /^\d{7}$/,
  BR: /^\d{5}-\d{3}$/,
};

// Mobile ranges as in libphonenumber's metadata (a valid number must also be valid for strict checks).
const PHONE: Record<string, RegExp> = {
  US: /^\+1[2-9]\d{2}[2-9]\d{6}$/,
  CA: /^\+1[2-9]\d{2}[2-9]\d{6}$/,
  GB: /^\+447(?:[1-3]\d{3}|4[0-46-9]\d{2}|5(?:[13-9]\d|2[0-35-9])\d|7[1-7]\d{2}|8[014-9]\d{2}|9[024-9]\d{2})\d{5}$/,
  DE: /^\+491(?:5[0-25-9]\d{8}|6[023]\d{7,8}|7\d{8,9})$/,
  FR: /^\+33(?:6\d|7[3-9])\d{7}$/,
  PT: /^\+3519[1236]\d{7}$/,
  ES: /^\+346\d{8}$/,
  IT: /^\+393[2-9]\d{8}$/,
  NL: /^\+316[1-58]\d{7}$/,
  CH: /^\+417[5-9]\d{7}$/,
  SE: /^\+467[02369]\d{7}$/,
  GR: /^\+3069\d{8}$/,
  JP: /^\+81[7-9]0[1-9]\d{7}$/,
  KR: /^\+8210\d{8}$/,
  CN: /^\+861(?:[38]\d|5[0-35-9])\d{8}$/,
  AU: /^\+614[0-3]\d{7}$/,
  MX: /^\+52[1-9]\d{9}$/,
  AR: /^\+549(?:11[2-9]\d{7}|(?:221|261|341|351)[2-9]\d{6})$/,
  CL: /^\+569[3-9]\d{7}$/,
  BR: /^\+55[1-9]{2}9[6-9]\d{7}$/,
};

/** Countries whose addresses carry a state / province / prefecture code. */
const WITH_PROVINCE = new Set(["US", "CA", "AU", "MX", "JP", "KR", "CN", "ES", "IT", "PT", "AR", "CL", "BR"]);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const cents = (decimal: string): number => {
  expect(decimal).toMatch(/^\d+\.\d{2}$/);
  return Math.round(Number(decimal) * 100);
};

const isInternational = (order: EmuOrder) =>
  order.shippingAddress !== null && order.shippingAddress.countryCode !== "BR";
const isDomestic = (order: EmuOrder) => order.shippingAddress?.countryCode === "BR";

/** What a customs declaration would miss on this order (empty for a complete international order). */
function gaps(order: EmuOrder): string[] {
  const address = order.shippingAddress!;
  const found: string[] = [];
  if (address.phone === null) found.push("phone");
  if (WITH_PROVINCE.has(address.countryCode) && address.provinceCode === null) found.push("province");
  if (order.lineItems.some((line) => line.hsCode === null)) found.push("hsCode");
  if (order.lineItems.some((line) => line.weight === null)) found.push("weight");
  return found;
}

function checkNfeKey(key: string, createdAt: string) {
  expect(key).toMatch(/^\d{44}$/);
  expect(nfeCheckDigit(key.slice(0, 43))).toBe(Number(key[43]));
  // An independent computation of the same rule.
  let sum = 0;
  for (let i = 0; i < 43; i++) sum += Number(key[42 - i]) * (2 + (i % 8));
  const rest = sum % 11;
  expect(Number(key[43])).toBe(rest < 2 ? 0 : 11 - rest);
  expect(key.slice(0, 2)).toBe("35");
  const local = new Date(Date.parse(createdAt) - 3 * 3_600_000);
  expect(key.slice(2, 6)).toBe(
    `${String(local.getUTCFullYear() % 100).padStart(2, "0")}${String(local.getUTCMonth() + 1).padStart(2, "0")}`,
  );
  const cnpj = key.slice(6, 20);
  expect(cnpjCheckDigits(cnpj.slice(0, 12))).toBe(cnpj.slice(12));
  expect(key.slice(20, 22)).toBe("55");
  expect(key.slice(22, 25)).toBe("001");
  expect(key[34]).toBe("1");
  expect(key.slice(35, 43)).not.toBe(key.slice(26, 34));
}

describe("check digits", () => {
  it("computes the NF-e access key check digit (example from the NF-e taxpayer manual)", () => {
    expect(nfeCheckDigit("5206043300991100250655012000000780026730161")).toBe(5);
    expect(nfeCheckDigit("3511110000000000000055001000000001100000000")).toBe(6);
    expect(() => nfeCheckDigit("123")).toThrow(RangeError);
  });

  it("computes CNPJ check digits", () => {
    expect(cnpjCheckDigits("112223330001")).toBe("81");
  });
});

describe("random", () => {
  it("is reproducible and stays in range", () => {
    const a = new Random(42);
    const b = new Random(42);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = a.int(3, 7);
      expect(b.int(3, 7)).toBe(n);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
    expect(new Random(1).next()).not.toBe(new Random(2).next());
    expect(new Random(20261126123).next()).not.toBe(new Random(20261126123 % 2 ** 32).next());
  });

  it("weights its choices", () => {
    const random = new Random(7);
    let heads = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        random.weighted([
          ["h", 3],
          ["t", 1],
        ] as const) === "h"
      )
        heads++;
    expect(heads).toBeGreaterThan(7_200);
    expect(heads).toBeLessThan(7_800);
  });
});

describe("demo store", () => {
  const orders = demoStoreOrders();
  const international = orders.filter(isInternational);
  const domestic = orders.filter(isDomestic);
  const digital = orders.filter((order) => order.shippingAddress === null);

  it("is deterministic", () => {
    expect(demoStoreOrders()).toEqual(orders);
    const other = demoStoreOrders(7);
    expect(other).not.toEqual(orders);
    expect(other.map((order) => order.createdAt)).not.toEqual(orders.map((order) => order.createdAt));
  });

  it("has the 80 / 15 / 5 mix across at least 12 destination countries", () => {
    expect(orders).toHaveLength(60);
    expect(Math.abs(international.length - 48)).toBeLessThanOrEqual(1);
    expect(Math.abs(domestic.length - 9)).toBeLessThanOrEqual(1);
    expect(Math.abs(digital.length - 3)).toBeLessThanOrEqual(1);
    const countries = new Set(international.map((order) => order.shippingAddress!.countryCode));
    expect(countries.size).toBeGreaterThanOrEqual(12);
  });

  it("is a São Paulo shop selling in BRL, in Portuguese", () => {
    expect(demoStoreProfile()).toEqual({
      domain: "loja-demo.myshopify.com",
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
    });
    expect(demoStoreProfile("x.myshopify.com").domain).toBe("x.myshopify.com");
    for (const order of orders) {
      expect(order.currency).toBe("BRL");
      expect(order.test).toBe(false);
      expect(order.name).toBe(`#${1001 + orders.indexOf(order)}`);
    }
  });

  it("has the deliberate gaps, one per order, and every other international order complete", () => {
    const counts: Record<string, number> = { phone: 0, province: 0, hsCode: 0, weight: 0 };
    for (const order of international) {
      const found = gaps(order);
      expect(found.length, `${order.name} has ${found.join(", ")}`).toBeLessThanOrEqual(1);
      for (const gap of found) counts[gap]++;
      if (found[0] === "phone") expect(order.phone).toBeNull();
      if (found[0] === "province") {
        expect(["US", "CA"]).toContain(order.shippingAddress!.countryCode);
        expect(order.shippingAddress!.province).toBeNull();
      }
      const address = order.shippingAddress!;
      // Every part of the address is a text with something in it.
      expect(address.name).toMatch(/\S/);
      expect(address.address1).toMatch(/\S/);
      expect(address.city).toMatch(/\S/);
      expect(address.zip).toMatch(/\S/);
      expect(address.country).toMatch(/\S/);
      for (const line of order.lineItems) {
        if (line.hsCode !== null) expect(line.hsCode).toMatch(/^\d{6,10}$/);
        if (line.weight !== null) expect(line.weight.value).toBeGreaterThan(0);
        expect(line.countryOfOrigin).toBe("BR");
        expect(line.requiresShipping).toBe(true);
        expect(cents(line.unitPrice)).toBeGreaterThan(0);
        expect(line.quantity).toBeGreaterThanOrEqual(1);
        expect(line.quantity).toBeLessThanOrEqual(3);
      }
    }
    expect(counts.hsCode).toBeGreaterThanOrEqual(3);
    expect(counts.phone).toBeGreaterThanOrEqual(3);
    expect(counts.province).toBeGreaterThanOrEqual(2);
    expect(counts.weight).toBeGreaterThanOrEqual(1);
    const complete = international.filter((order) => gaps(order).length === 0);
    expect(complete.length).toBeGreaterThanOrEqual(international.length - 13);
  });

  it("has known carriers, a few custom shipping lines, and Correios at home", () => {
    const known = new Map([
      ["FEDEX_INTERNATIONAL_PRIORITY", "fedex"],
      ["FEDEX_INTERNATIONAL_ECONOMY", "fedex"],
      ["UPS_WORLDWIDE_SAVER", "ups"],
      ["UPS_WORLDWIDE_EXPEDITED", "ups"],
      ["DHL_EXPRESS_WORLDWIDE", "dhl"],
      ["CORREIOS_EXPORTA_FACIL", "correios"],
    ]);
    let custom = 0;
    for (const order of international) {
      expect(order.shippingLines).toHaveLength(1);
      const line = order.shippingLines[0];
      expect(cents(line.price)).toBeGreaterThan(0);
      if (line.code === "custom") {
        custom++;
        expect(line.carrierIdentifier).toBeNull();
      } else {
        expect(known.get(line.code!)).toBe(line.carrierIdentifier);
      }
    }
    expect(custom).toBeGreaterThanOrEqual(2);
    expect(custom).toBeLessThanOrEqual(3);
    for (const order of domestic) {
      expect(["SEDEX", "PAC"]).toContain(order.shippingLines[0].code);
      expect(order.shippingLines[0].carrierIdentifier).toBe("correios");
    }
  });

  it("ships nothing on gift-card and digital orders", () => {
    for (const order of digital) {
      expect(order.shippingLines).toEqual([]);
      for (const line of order.lineItems) {
        expect(line.requiresShipping).toBe(false);
        expect(line.weight).toBeNull();
      }
    }
    expect(digital.some((order) => order.lineItems.some((line) => line.title.startsWith("Vale-presente")))).toBe(true);
  });

  it("has mostly paid, unfulfilled orders, a couple cancelled, and some NF-e keys", () => {
    const paid = orders.filter((order) => order.financialStatus === "PAID").length;
    expect(paid).toBeGreaterThanOrEqual(40);
    expect(orders.filter((order) => order.fulfillmentStatus === "UNFULFILLED").length).toBeGreaterThanOrEqual(40);
    const cancelled = orders.filter((order) => order.cancelledAt !== null);
    expect(cancelled.length).toBeGreaterThanOrEqual(2);
    expect(cancelled.length).toBeLessThanOrEqual(4);
    for (const order of cancelled) expect(order.cancelReason).toBe("CUSTOMER");
    const keys = orders.flatMap((order) => order.metafields.filter((m) => m.namespace === "nfe"));
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) expect(key).toMatchObject({ key: "access_key", type: "single_line_text_field" });
  });

  it("writes non-Latin names for some customers, accented Latin ones for others", () => {
    const big = Array.from(generateOrders({ seed: 1, count: 2_000, shop: demoStoreProfile() }));
    const names = big.map((order) => order.billingAddress!.name);
    expect(names.some((name) => /\p{Script=Han}/u.test(name))).toBe(true);
    expect(names.some((name) => /\p{Script=Hangul}/u.test(name))).toBe(true);
    expect(names.some((name) => /\p{Script=Hiragana}|\p{Script=Katakana}|[山田佐藤]/u.test(name))).toBe(true);
    expect(names.some((name) => /\p{Script=Cyrillic}/u.test(name))).toBe(true);
    expect(names.some((name) => /\p{Script=Greek}/u.test(name))).toBe(true);
    expect(names.some((name) => /[éèüöäåçãõñí]/i.test(name))).toBe(true);
  });
});

describe("generateOrders", () => {
  const shop = demoStoreProfile();

  it("is lazy: it yields orders one by one without building them all", () => {
    const iterator = generateOrders({ seed: 3, count: 1_000_000_000, shop });
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect((first.value as EmuOrder).name).toBe("#1001");
    iterator.return(undefined);
  });

  it("honours firstOrderNumber, firstId, start and end", () => {
    const start = new Date("2025-01-01T00:00:00Z");
    const end = new Date("2025-01-31T00:00:00Z");
    const orders = Array.from(
      generateOrders({ seed: 5, count: 40, shop, firstOrderNumber: 5001, firstId: 123, start, end }),
    );
    expect(orders[0].name).toBe("#5001");
    expect(orders[0].id).toBe(123);
    expect(orders[39].name).toBe("#5040");
    for (const order of orders) {
      expect(Date.parse(order.createdAt)).toBeGreaterThanOrEqual(start.getTime());
      expect(Date.parse(order.updatedAt)).toBeLessThanOrEqual(end.getTime());
    }
    expect(Array.from(generateOrders({ seed: 5, count: 0, shop }))).toEqual([]);
    expect(() => generateOrders({ seed: 5, count: -1, shop }).next()).toThrow(RangeError);
  });

  it("keeps every invariant over 20,000 orders (ids, addresses, phones, totals, timestamps, NF-e keys)", () => {
    // Plain checks collected into one assertion: a million expect() calls would take seconds.
    const failures: string[] = [];
    const check = (ok: boolean, message: () => string) => {
      if (!ok && failures.length < 20) failures.push(message());
    };
    const toCents = (decimal: string) => (/^\d+\.\d{2}$/.test(decimal) ? Math.round(Number(decimal) * 100) : NaN);
    const end = Date.parse(DEFAULT_END_ISO);
    const start = end - DEFAULT_SPAN_DAYS * 86_400_000;
    const seen = {
      orders: new Set<number>(),
      lines: new Set<number>(),
      shipping: new Set<number>(),
      fulfillments: new Set<number>(),
    };
    const emailOf = new Map<number, string>();
    const customerOf = new Map<string, number>();
    const skuOf = new Map<number, string | null>();
    const variantOf = new Map<number, number>();
    const nfeKeys: { key: string; createdAt: string }[] = [];
    const countries = new Set<string>();
    let previous: EmuOrder | null = null;
    let lastLineId = 0;
    let international = 0;
    let digital = 0;
    for (const order of generateOrders({ seed: 99, count: 20_000, shop })) {
      const n = order.name;
      check(!seen.orders.has(order.id), () => `${n}: duplicate order id ${order.id}`);
      seen.orders.add(order.id);
      if (previous) {
        const before = previous;
        check(order.id > before.id, () => `${n}: order id not increasing`);
        check(order.createdAt >= before.createdAt, () => `${n}: createdAt ${order.createdAt} < ${before.createdAt}`);
      }
      check(ISO.test(order.createdAt) && ISO.test(order.updatedAt), () => `${n}: bad timestamp format`);
      check(order.processedAt === order.createdAt, () => `${n}: processedAt != createdAt`);
      check(order.updatedAt >= order.createdAt, () => `${n}: updatedAt before createdAt`);
      check(Date.parse(order.createdAt) >= start, () => `${n}: created before start`);
      check(Date.parse(order.updatedAt) <= end, () => `${n}: updated after end`);
      check(order.closedAt === null || order.closedAt >= order.createdAt, () => `${n}: closed before created`);
      check(order.currency === "BRL", () => `${n}: currency ${order.currency}`);

      let total = 0;
      check(order.lineItems.length >= 1 && order.lineItems.length <= 4, () => `${n}: ${order.lineItems.length} lines`);
      for (const line of order.lineItems) {
        check(
          !seen.lines.has(line.id) && line.id > lastLineId,
          () => `${n}: line item id ${line.id} reused or not increasing`,
        );
        seen.lines.add(line.id);
        lastLineId = line.id;
        check(line.quantity >= 1 && line.quantity <= 3, () => `${n}: quantity ${line.quantity}`);
        total += toCents(line.unitPrice) * line.quantity;
        if (line.variantId !== null) {
          const sku = skuOf.get(line.variantId);
          check(sku === undefined || sku === line.sku, () => `${n}: variant ${line.variantId} has two SKUs`);
          skuOf.set(line.variantId, line.sku);
          const variant = variantOf.get(line.inventoryItemId!);
          check(variant === undefined || variant === line.variantId, () => `${n}: inventory item on two variants`);
          variantOf.set(line.inventoryItemId!, line.variantId);
        }
      }
      for (const line of order.shippingLines) {
        check(!seen.shipping.has(line.id), () => `${n}: duplicate shipping line id`);
        seen.shipping.add(line.id);
        total += toCents(line.price);
      }
      check(toCents(order.totalPrice) === total, () => `${n}: total ${order.totalPrice} != ${total / 100}`);
      for (const fulfillment of order.fulfillments) {
        check(!seen.fulfillments.has(fulfillment.id), () => `${n}: duplicate fulfillment id`);
        seen.fulfillments.add(fulfillment.id);
        check(fulfillment.createdAt >= order.createdAt, () => `${n}: fulfilled before created`);
        check(fulfillment.lineItemIds.length === order.lineItems.length, () => `${n}: partial fulfillment`);
      }

      const customer = order.customer!;
      const email = customer.email!;
      check(email === order.email, () => `${n}: order and customer e-mails differ`);
      check((emailOf.get(customer.id) ?? email) === email, () => `${n}: customer ${customer.id} has two e-mails`);
      emailOf.set(customer.id, email);
      check((customerOf.get(email) ?? customer.id) === customer.id, () => `${n}: ${email} on two customers`);
      customerOf.set(email, customer.id);
      const billing = order.billingAddress!;
      check(
        billing.firstName === customer.firstName &&
          billing.lastName === customer.lastName &&
          billing.name.includes(customer.firstName!) &&
          billing.name.includes(customer.lastName!),
        () => `${n}: address name ${billing.name} is not the customer's`,
      );

      const address = order.shippingAddress;
      if (address === null) {
        digital++;
        check(order.shippingLines.length === 0, () => `${n}: shipping line without an address`);
      } else {
        check(
          address !== billing && JSON.stringify(address) === JSON.stringify(billing),
          () => `${n}: billing differs`,
        );
        countries.add(address.countryCode);
        if (address.countryCode !== "BR") international++;
        check(
          POSTAL[address.countryCode].test(address.zip ?? ""),
          () => `${n}: ${address.countryCode} zip ${address.zip}`,
        );
        check(
          address.phone === null || (PHONE[address.countryCode].test(address.phone) && order.phone === address.phone),
          () => `${n}: ${address.countryCode} phone ${address.phone}`,
        );
      }
      for (const metafield of order.metafields) nfeKeys.push({ key: metafield.value, createdAt: order.createdAt });
      previous = order;
    }
    expect(failures).toEqual([]);
    expect(seen.orders.size).toBe(20_000);
    expect(international).toBe(16_000);
    expect(digital).toBe(1_000);
    expect(countries.size).toBe(20);
    expect(new Set(emailOf.values()).size).toBe(emailOf.size);
    expect(nfeKeys.length).toBeGreaterThan(1_000);
    for (const { key, createdAt } of nfeKeys.slice(0, 200)) checkNfeKey(key, createdAt);
    const digitsOk = nfeKeys.every(
      ({ key }) => /^\d{44}$/.test(key) && nfeCheckDigit(key.slice(0, 43)) === Number(key[43]),
    );
    expect(digitsOk).toBe(true);
  });
});
