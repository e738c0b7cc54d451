// What we know of a shop's leaky bucket from the last `extensions.cost` Shopify sent, and what
// each operation asked for last time: enough to predict when a query will fit.

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/** Margin added to computed waits: the bucket refills continuously, our clock and Shopify's differ. */
const SAFETY_MS = 25;

export class CostTracker {
  private status: (ThrottleStatus & { at: number }) | null = null;
  private requested = new Map<string, number>();

  constructor(private now: () => number = Date.now) {}

  record(operation: string, cost: QueryCost | null) {
    if (!cost) return;
    this.status = { ...cost.throttleStatus, at: this.now() };
    if (cost.requestedQueryCost > 0) this.requested.set(operation, cost.requestedQueryCost);
  }

  /** The bucket's estimated content now. */
  available(): number | null {
    if (!this.status) return null;
    const elapsed = (this.now() - this.status.at) / 1000;
    return Math.min(this.status.maximumAvailable, this.status.currentlyAvailable + elapsed * this.status.restoreRate);
  }

  /** How long to wait before sending `operation` so that it is not throttled (0 if unknown). */
  waitBeforeMs(operation: string): number {
    const requested = this.requested.get(operation);
    const available = this.available();
    if (requested === undefined || available === null || !this.status) return 0;
    const missing = requested - available;
    return missing > 0 ? Math.ceil((missing / this.status.restoreRate) * 1000) + SAFETY_MS : 0;
  }

  /** After a THROTTLED answer: (requested − available) / restoreRate, from the answer's own cost. */
  throttleWaitMs(cost: QueryCost | null): number {
    if (!cost) return 1000;
    const { currentlyAvailable, restoreRate } = cost.throttleStatus;
    const missing = Math.max(0, cost.requestedQueryCost - currentlyAvailable);
    return Math.ceil((missing / restoreRate) * 1000) + SAFETY_MS;
  }
}

const trackers = new Map<string, CostTracker>();

/** One tracker per shop (the bucket is per app and store). */
export function costTracker(shop: string): CostTracker {
  let tracker = trackers.get(shop);
  if (!tracker) {
    tracker = new CostTracker();
    trackers.set(shop, tracker);
  }
  return tracker;
}
