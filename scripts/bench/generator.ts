// Measures the demo-store order generator: 100,000 orders for a standard-plan shop, streamed one by
// one (nothing kept), reporting orders per second and the peak resident set size.
// Run: node --import tsx scripts/bench/generator.ts [count]
import { demoStoreProfile, generateOrders } from "../../src/emulator/generator";

const count = Number(process.argv[2] ?? 100_000);
const shop = { ...demoStoreProfile("bench-standard.myshopify.com"), plan: "standard" as const };

// Warm up the JIT on a small run so the timing reflects steady-state throughput.
for (const order of generateOrders({ seed: 1, count: 2_000, shop })) void order;
globalThis.gc?.();

let peakRss = process.memoryUsage().rss;
const startRss = peakRss;
let lineItems = 0;
let checksum = 0;
const started = process.hrtime.bigint();
let i = 0;
for (const order of generateOrders({ seed: 20261126, count, shop })) {
  lineItems += order.lineItems.length;
  checksum = (checksum + order.id + order.totalPrice.length) % 1_000_000_007;
  if (++i % 1_000 === 0) {
    const rss = process.memoryUsage().rss;
    if (rss > peakRss) peakRss = rss;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
console.log(
  `orders:      ${count.toLocaleString("en-US")} (${lineItems.toLocaleString("en-US")} line items, checksum ${checksum})`,
);
console.log(`time:        ${seconds.toFixed(2)} s`);
console.log(`throughput:  ${Math.round(count / seconds).toLocaleString("en-US")} orders/s`);
console.log(`peak RSS:    ${mib(peakRss)} MiB (${mib(startRss)} MiB before the run)`);
