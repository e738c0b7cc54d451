import { describe, expect, it } from "vitest";
import { syncCounts, type SyncCounters } from "./sync-counts";

const none: SyncCounters = {
  fetched: 0,
  complete: 0,
  drafts: 0,
  updated: 0,
  skippedNoAddress: 0,
  skippedDomestic: 0,
  skippedTest: 0,
  skippedNotShippable: 0,
  failed: 0,
};

describe("syncCounts", () => {
  it("lists the orders read first, then only the outcomes that happened, each with its filter", () => {
    const counts = syncCounts({
      ...none,
      fetched: 60,
      complete: 14,
      drafts: 31,
      skippedNoAddress: 3,
      skippedDomestic: 9,
    });
    expect(counts).toEqual([
      { kind: "read", value: 60, outcome: null },
      { kind: "newReady", value: 14, outcome: "created_ready" },
      { kind: "newDrafts", value: 31, outcome: "created_draft" },
      { kind: "unchangedOrCancelled", value: 3, outcome: null },
      { kind: "noAddress", value: 3, outcome: "skipped_no_address" },
      { kind: "domestic", value: 9, outcome: "skipped_domestic" },
    ]);
  });

  it("keeps 'read' when nothing was read, so a run always says what it did", () => {
    expect(syncCounts(none)).toEqual([{ kind: "read", value: 0, outcome: null }]);
  });

  it("makes the parts add up to the orders read", () => {
    const run = {
      fetched: 50,
      complete: 4,
      drafts: 5,
      updated: 6,
      skippedNoAddress: 1,
      skippedDomestic: 2,
      skippedTest: 3,
      skippedNotShippable: 4,
      failed: 5,
    };
    const [read, ...parts] = syncCounts(run);
    expect(read.value).toBe(50);
    expect(parts.reduce((sum, part) => sum + part.value, 0)).toBe(50);
    expect(parts.find((part) => part.kind === "unchangedOrCancelled")?.value).toBe(20);
    expect(parts.map((part) => part.outcome)).toEqual([
      "created_ready",
      "created_draft",
      "updated",
      null,
      "skipped_no_address",
      "skipped_domestic",
      "skipped_test",
      "skipped_not_shippable",
      "failed",
    ]);
  });

  it("never shows a negative remainder when the counters are ahead of the orders read", () => {
    // A run still in progress commits counters page by page; they never exceed `fetched`, but the
    // remainder is held at zero rather than trusted blindly.
    const counts = syncCounts({ ...none, fetched: 2, complete: 3 });
    expect(counts.map((count) => count.kind)).toEqual(["read", "newReady"]);
  });
});
