import { describe, expect, it } from "vitest";
import { defineTable } from "./params";
import { viewHref, viewQuery } from "./views";

const spec = defineTable({
  sortable: ["order", "createdAt"],
  defaultSort: { id: "createdAt", desc: true },
  filters: { carrier: ["dhl", "ups"], store: "id" },
});

describe("a view's query", () => {
  it("keeps filters, sort, search and per-page, never the page", () => {
    expect(viewQuery(spec, "page=4&perPage=50&sort=order.asc&q=Ana&carrier=dhl")).toBe(
      "carrier=dhl&perPage=50&q=Ana&sort=order.asc",
    );
  });

  it("drops what the spec does not accept: values, sort columns, parameters", () => {
    expect(viewQuery(spec, "carrier=fedex&sort=password.asc&perPage=7&tab=drafts&__proto__=x")).toBe("");
    expect(viewQuery(spec, "carrier=dhl,fedex&store=not-an-id")).toBe("carrier=dhl");
  });

  it("cleans the search as every table URL is cleaned", () => {
    expect(viewQuery(spec, `q=${encodeURIComponent("  a\u0000b   c ")}`)).toBe("q=a+b+c");
  });

  it("leaves defaults out, so the table's own view is the empty query", () => {
    expect(viewQuery(spec, "sort=createdAt.desc&perPage=20")).toBe("");
  });

  it("is the same text for the same view written two ways", () => {
    expect(viewQuery(spec, "q=x&carrier=ups")).toBe(viewQuery(spec, "?carrier=ups&q=x&page=2"));
  });

  it("is no view when too long", () => {
    expect(viewQuery(spec, "q=".padEnd(3000, "x"))).toBeNull();
  });
});

describe("a view's link", () => {
  it("opens the table's page, with its tab where the page has several", () => {
    expect(viewHref("shipments", "")).toBe("/shipments");
    expect(viewHref("shipments", "carrier=dhl")).toBe("/shipments?carrier=dhl");
    expect(viewHref("drafts", "missing=nfeKey")).toBe("/follow-up/quotations-shipments?tab=drafts&missing=nfeKey");
    expect(viewHref("quotes", "")).toBe("/follow-up/quotations-shipments?tab=quotations");
  });
});
