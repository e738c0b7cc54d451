// The leaky bucket Shopify keeps per app and store: it refills at `restoreRate` points per
// second up to `maximumAvailable`; a query is charged its requested cost up front and refunded
// down to its actual cost afterwards.
import type { PlanName } from "./model";

export interface BucketLimits {
  maximumAvailable: number;
  restoreRate: number;
}

export const PLAN_LIMITS: Record<PlanName, BucketLimits> = {
  standard: { maximumAvailable: 2_000, restoreRate: 100 },
  advanced: { maximumAvailable: 4_000, restoreRate: 200 },
  plus: { maximumAvailable: 20_000, restoreRate: 1_000 },
  enterprise: { maximumAvailable: 40_000, restoreRate: 2_000 },
};

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class LeakyBucket {
  private available: number;
  private updatedAt: number;

  constructor(
    private limits: BucketLimits,
    now = Date.now(),
  ) {
    this.available = limits.maximumAvailable;
    this.updatedAt = now;
  }

  private refill(now: number) {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.available = Math.min(this.limits.maximumAvailable, this.available + elapsedSeconds * this.limits.restoreRate);
    this.updatedAt = now;
  }

  status(now = Date.now()): ThrottleStatus {
    this.refill(now);
    return {
      maximumAvailable: this.limits.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.limits.restoreRate,
    };
  }

  /** Charges `cost` if the bucket holds it; otherwise charges nothing and returns false. */
  tryTake(cost: number, now = Date.now()): boolean {
    this.refill(now);
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number, now = Date.now()) {
    this.refill(now);
    this.available = Math.min(this.limits.maximumAvailable, this.available + Math.max(0, points));
  }

  /** Empties the bucket by `points` (a burst from another app or a fault injection). */
  drain(points: number, now = Date.now()) {
    this.refill(now);
    this.available = Math.max(0, this.available - points);
  }

  setLimits(limits: BucketLimits, now = Date.now()) {
    this.refill(now);
    this.limits = limits;
    this.available = Math.min(this.available, limits.maximumAvailable);
  }

  /** Seconds until `cost` points are available (0 when they already are). */
  secondsUntil(cost: number, now = Date.now()): number {
    this.refill(now);
    return Math.max(0, (cost - this.available) / this.limits.restoreRate);
  }
}
