import { describe, expect, it } from "vitest";
import { createPacer } from "./pacer";

/** A clock that only the pacer's sleeps (and the test) move. */
function virtualTime() {
  const time = { now: 0, waits: [] as number[] };
  const sleep = async (ms: number) => {
    time.waits.push(ms);
    time.now += ms;
  };
  return { time, sleep, clock: () => time.now };
}

describe("createPacer", () => {
  it("lets the first request go at once and spaces the next ones by 1/rate", async () => {
    const { time, sleep, clock } = virtualTime();
    const pace = createPacer(5, sleep, clock);
    for (let i = 0; i < 4; i++) await pace();
    expect(time.waits).toEqual([200, 200, 200]);
  });

  it("waits only for what is left of the gap when time passed meanwhile", async () => {
    const { time, sleep, clock } = virtualTime();
    const pace = createPacer(2, sleep, clock);
    await pace();
    time.now += 300; // the request itself took 300 ms
    await pace();
    time.now += 600; // longer than the gap: no wait
    await pace();
    expect(time.waits).toEqual([200]);
  });

  it("reads a nonsensical rate as one request per second, never as unlimited", async () => {
    for (const rate of [0, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      const { time, sleep, clock } = virtualTime();
      const pace = createPacer(rate, sleep, clock);
      await pace();
      await pace();
      expect(time.waits, String(rate)).toEqual([1000]);
    }
  });
});
