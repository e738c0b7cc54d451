// Where a column's cell goes in a phone's card is inferred from the columns every table already
// has, so a table gets a readable card without any settings; a column's meta can still override.
import { describe, expect, it } from "vitest";
import { cardLabel, cardPlacements } from "./card-layout";

const button = () => null;

describe("cardPlacements", () => {
  it("puts the checkbox in the corner, the first column as the title, text headers as fields, buttons as actions", () => {
    const placements = cardPlacements([
      { id: "select", header: button },
      { id: "order", header: "Order" },
      { id: "status", header: "Status" },
      { id: "actions", header: button },
    ]);
    expect(Object.fromEntries(placements)).toEqual({
      select: "select",
      order: "title",
      status: "field",
      actions: "actions",
    });
  });

  it("follows a column's own placement, and then titles no other column", () => {
    const placements = cardPlacements([
      { id: "started", header: "Started", placement: "field" },
      { id: "store", header: "Store", placement: "title" },
      { id: "scopes", header: "Scopes", placement: "wide" },
      { id: "raw", header: "Raw", placement: "hidden" },
    ]);
    expect(Object.fromEntries(placements)).toEqual({
      started: "field",
      store: "title",
      scopes: "wide",
      raw: "hidden",
    });
  });
});

describe("cardLabel", () => {
  it("labels a field by its text header only", () => {
    expect(cardLabel({ id: "status", header: "Status" })).toBe("Status");
    expect(cardLabel({ id: "actions", header: button })).toBeNull();
  });
});
