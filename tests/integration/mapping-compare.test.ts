// "Mapping unchanged in what it decides" (issue 16): the digest of what the import decides from
// 10,000 generated orders, odd ones included, is the one recorded from the code before the import
// was made fast. On a difference the message says which hundred orders differ (corpus() in
// tests/helpers/mapping-corpus.ts gives them, to map with the old and the new code).
import { describe, expect, it } from "vitest";
import { digestCorpus } from "../helpers/mapping-corpus";
import { compareDigests, recordedDigest } from "../../scripts/bench/mapping-compare";

describe("order mapping on 10,000 generated orders", () => {
  // Deterministic, not timed: the timeout only guards against a hang on a busy machine.
  it("decides exactly what the code before the import was made fast decided", { timeout: 180_000 }, async () => {
    const recorded = recordedDigest();
    const actual = await digestCorpus(recorded.orders);
    expect(compareDigests(actual, recorded)).toBe("same");
    expect(actual.outcomes).toEqual(recorded.outcomes);
    expect(actual.oddities).toBe(2_500);
  });
});
