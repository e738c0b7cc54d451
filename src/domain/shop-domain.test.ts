import { describe, expect, it } from "vitest";
import { normalizeShopDomain } from "./shop-domain";

describe("normalizeShopDomain", () => {
  it.each([
    ["loja-demo.myshopify.com", "loja-demo.myshopify.com"],
    ["  Loja-Demo.MyShopify.com ", "loja-demo.myshopify.com"],
    ["loja-demo", "loja-demo.myshopify.com"],
    ["https://loja-demo.myshopify.com/admin/orders", "loja-demo.myshopify.com"],
    ["http://loja2.myshopify.com?x=1", "loja2.myshopify.com"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeShopDomain(input)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "evil.com",
    "loja.myshopify.com.evil.com",
    "-loja.myshopify.com",
    "loja_demo",
    "a b",
    "loja.shopify.com",
    null,
  ])("refuses %s", (input) => {
    expect(normalizeShopDomain(input)).toBeNull();
  });
});
