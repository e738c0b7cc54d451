import { describe, expect, it } from "vitest";
import {
  boundedHoldNotes,
  HOLD_HANDLES,
  HOLD_NOTES_MAX,
  holdNotesLocale,
  notesAfterSteps,
  planHoldSteps,
  type HeldFulfillmentOrder,
} from "./fulfillment-holds";

const [FIRST, NEXT] = HOLD_HANDLES;
const ours = (id: string, handle: string, reasonNotes: string) => ({
  id,
  handle,
  reasonNotes,
  heldByRequestingApp: true,
});
const theirs = { id: "h-other", handle: "fraud-check", reasonNotes: "Risk review", heldByRequestingApp: false };
const order = (overrides: Partial<HeldFulfillmentOrder> = {}): HeldFulfillmentOrder => ({
  id: "fo-1",
  status: "OPEN",
  actions: ["CREATE_FULFILLMENT", "HOLD"],
  holds: [],
  ...overrides,
});
const onHold = (holds: HeldFulfillmentOrder["holds"]) =>
  order({ status: "ON_HOLD", actions: ["HOLD", "RELEASE_HOLD"], holds });

describe("planHoldSteps", () => {
  it("holds an open fulfillment order under our first handle", () => {
    expect(planHoldSteps([order()], "ShipSmart: NF-e key missing")).toEqual([
      { kind: "hold", fulfillmentOrderId: "fo-1", handle: FIRST, notes: "ShipSmart: NF-e key missing" },
    ]);
  });

  it("does nothing when our hold already has the notes", () => {
    expect(planHoldSteps([onHold([ours("h1", FIRST, "A")])], "A")).toEqual([]);
  });

  it("replaces changed notes: the new hold first, under the other handle, then the old one released", () => {
    expect(planHoldSteps([onHold([ours("h1", FIRST, "A")])], "B")).toEqual([
      { kind: "hold", fulfillmentOrderId: "fo-1", handle: NEXT, notes: "B" },
      { kind: "release", fulfillmentOrderId: "fo-1", holdIds: ["h1"] },
    ]);
    expect(planHoldSteps([onHold([ours("h2", NEXT, "B")])], "C")[0]).toMatchObject({ kind: "hold", handle: FIRST });
  });

  it("with both handles taken by stale notes, frees one first and never leaves the order unheld", () => {
    expect(planHoldSteps([onHold([ours("h1", FIRST, "A"), ours("h2", NEXT, "B")])], "C")).toEqual([
      { kind: "release", fulfillmentOrderId: "fo-1", holdIds: ["h1"] },
      { kind: "hold", fulfillmentOrderId: "fo-1", handle: FIRST, notes: "C" },
      { kind: "release", fulfillmentOrderId: "fo-1", holdIds: ["h2"] },
    ]);
  });

  it("keeps the hold with the right notes and releases a leftover one", () => {
    expect(planHoldSteps([onHold([ours("h1", FIRST, "A"), ours("h2", NEXT, "B")])], "B")).toEqual([
      { kind: "release", fulfillmentOrderId: "fo-1", holdIds: ["h1"] },
    ]);
  });

  it("releases exactly ours, never another app's hold or our app's other handles", () => {
    const mine = { id: "h-mine", handle: "something-else", reasonNotes: null, heldByRequestingApp: true };
    const foreignSameHandle = { ...theirs, id: "h-foreign", handle: FIRST };
    expect(planHoldSteps([onHold([theirs, mine, foreignSameHandle, ours("h1", FIRST, "A")])], null)).toEqual([
      { kind: "release", fulfillmentOrderId: "fo-1", holdIds: ["h1"] },
    ]);
    expect(planHoldSteps([onHold([theirs])], null)).toEqual([]);
  });

  it("holds beside another app's hold", () => {
    expect(planHoldSteps([onHold([theirs])], "A")).toEqual([
      { kind: "hold", fulfillmentOrderId: "fo-1", handle: FIRST, notes: "A" },
    ]);
  });

  it("leaves closed fulfillment orders alone, and keeps a hold it cannot replace", () => {
    const closed = order({ id: "fo-2", status: "CLOSED", actions: [] });
    expect(planHoldSteps([closed], "A")).toEqual([]);
    const stuck = order({ status: "ON_HOLD", actions: ["RELEASE_HOLD"], holds: [ours("h1", FIRST, "A")] });
    expect(planHoldSteps([stuck], "B")).toEqual([]);
    expect(planHoldSteps([stuck], null)).toEqual([{ kind: "release", fulfillmentOrderId: "fo-1", holdIds: ["h1"] }]);
  });

  it("plans every fulfillment order of the order", () => {
    const steps = planHoldSteps([order({ id: "a" }), onHold([ours("h1", FIRST, "X")]), order({ id: "c" })], "X");
    expect(steps.map((step) => step.fulfillmentOrderId)).toEqual(["a", "c"]);
  });
});

describe("hold notes", () => {
  it("are one line, cut to the limit with an ellipsis, never splitting a character", () => {
    expect(boundedHoldNotes(" ShipSmart:\u0000 NF-e\nkey ")).toBe("ShipSmart: NF-e key");
    const exact = "a".repeat(HOLD_NOTES_MAX);
    expect(boundedHoldNotes(exact)).toBe(exact);
    const long = "😀".repeat(HOLD_NOTES_MAX + 5);
    const cut = boundedHoldNotes(long);
    expect(Array.from(cut)).toHaveLength(HOLD_NOTES_MAX);
    expect(cut.endsWith("😀…")).toBe(true);
  });

  it("take Portuguese for any pt locale and English otherwise", () => {
    expect(holdNotesLocale("pt-BR")).toBe("pt-BR");
    expect(holdNotesLocale("pt-PT")).toBe("pt-BR");
    expect(holdNotesLocale("pt")).toBe("pt-BR");
    expect(holdNotesLocale("en")).toBe("en");
    expect(holdNotesLocale("es")).toBe("en");
    expect(holdNotesLocale(null)).toBe("en");
    expect(holdNotesLocale("ptx")).toBe("en");
  });
});

describe("notesAfterSteps", () => {
  it("is the wanted notes once a fulfillment order takes or keeps our hold", () => {
    expect(notesAfterSteps([order()], "A")).toBe("A");
    expect(notesAfterSteps([onHold([ours("h1", FIRST, "A")])], "A")).toBe("A");
  });

  it("is null when nothing can be held (nothing left to ship) or ours are all released", () => {
    expect(notesAfterSteps([order({ status: "CLOSED", actions: [] })], "A")).toBeNull();
    expect(notesAfterSteps([onHold([ours("h1", FIRST, "A"), theirs])], null)).toBeNull();
  });

  it("is what a hold of ours that had to stay says", () => {
    const stuck = order({ status: "ON_HOLD", actions: ["RELEASE_HOLD"], holds: [ours("h1", FIRST, "A")] });
    expect(notesAfterSteps([stuck], "B")).toBe("A");
    const unreleasable = order({ status: "ON_HOLD", actions: [], holds: [ours("h1", FIRST, "A")] });
    expect(notesAfterSteps([unreleasable], null)).toBe("A");
  });
});
