import { describe, expect, it } from "vitest";
import { LeakyBucket, PLAN_LIMITS } from "./bucket";

describe("leaky bucket", () => {
  it("starts full and charges requested cost", () => {
    const bucket = new LeakyBucket(PLAN_LIMITS.standard, 0);
    expect(bucket.status(0)).toEqual({ maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 });
    expect(bucket.tryTake(1500, 0)).toBe(true);
    expect(bucket.status(0).currentlyAvailable).toBe(500);
  });

  it("refuses what it cannot cover, without charging", () => {
    const bucket = new LeakyBucket(PLAN_LIMITS.standard, 0);
    bucket.tryTake(1800, 0);
    expect(bucket.tryTake(300, 0)).toBe(false);
    expect(bucket.status(0).currentlyAvailable).toBe(200);
  });

  it("restores at the plan's rate up to its maximum", () => {
    const bucket = new LeakyBucket(PLAN_LIMITS.standard, 0);
    bucket.tryTake(2000, 0);
    expect(bucket.status(2_500).currentlyAvailable).toBe(250); // 2.5 s × 100/s
    expect(bucket.secondsUntil(500, 2_500)).toBeCloseTo(2.5);
    expect(bucket.status(60_000).currentlyAvailable).toBe(2000);
  });

  it("refunds the difference between requested and actual cost", () => {
    const bucket = new LeakyBucket(PLAN_LIMITS.advanced, 0);
    bucket.tryTake(1000, 0);
    bucket.refund(1000 - 120, 0);
    expect(bucket.status(0).currentlyAvailable).toBe(4000 - 120);
  });

  it("has Shopify's limits per plan", () => {
    expect(PLAN_LIMITS.plus).toEqual({ maximumAvailable: 20000, restoreRate: 1000 });
    expect(PLAN_LIMITS.advanced).toEqual({ maximumAvailable: 4000, restoreRate: 200 });
  });
});
