import "server-only";
// Keeps one poll's requests to an account under the carrier's rate (CarrierLimits, CARRIERS.md
// "Rate limits"): each request starts no sooner than 1/requestsPerSecond after the previous one,
// so a backlog of thousands of labels is spread out instead of answered with 429s.

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function createPacer(requestsPerSecond: number, sleep: Sleep, clock: () => number = Date.now) {
  // A nonsensical limit (0, negative, NaN) is read as one request per second rather than as none.
  const gapMs = requestsPerSecond > 0 && Number.isFinite(requestsPerSecond) ? 1000 / requestsPerSecond : 1000;
  let last: number | null = null;
  return async function pace(): Promise<void> {
    if (last !== null) {
      const wait = last + gapMs - clock();
      if (wait > 0) await sleep(wait);
    }
    last = clock();
  };
}
