// Shipping documents benchmark (issue 7; since issue 14 the label is the carrier's): the commercial invoice of one shipment (median of 200
// after 10 warm-ups, target ≤ 50 ms), and 500 shipments rendered and merged into one PDF (target
// ≤ 15 s), the work behind "Generate documents" + "Download" on a full bulk selection.
//   node --import tsx scripts/bench/documents.ts
import { performance } from "node:perf_hooks";
import { mergePdfs, renderInvoiceWithPageCount } from "../../src/documents";
import { sampleShipment } from "../../src/documents/testing/fixtures";
import { generateTrackingNumber } from "../../src/domain/tracking";

const WARMUP = 10;
const RUNS = 200;
const BULK = 500;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function single() {
  const data = sampleShipment();
  for (let i = 0; i < WARMUP; i++) await renderInvoiceWithPageCount(data);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await renderInvoiceWithPageCount(data);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 50);
  console.log(
    `invoice, one shipment: median ${median.toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms ` +
      `(${RUNS} runs) — target ≤ 50 ms ${median <= 50 ? "OK" : "MISSED"}`,
  );
  return median <= 50;
}

async function bulk() {
  const start = performance.now();
  const parts: Uint8Array[] = [];
  for (let i = 0; i < BULK; i++) {
    const data = sampleShipment({
      orderName: `#${10_000 + i}`,
      trackingNumber: generateTrackingNumber("ups", i + 1),
    });
    // The label is the carrier's, stored as issued: only our invoice is rendered.
    parts.push((await renderInvoiceWithPageCount(data)).pdf);
  }
  const rendered = performance.now();
  const merged = await mergePdfs(parts);
  const total = performance.now() - start;
  console.log(
    `${BULK} shipments → one PDF (${(merged.byteLength / 1_048_576).toFixed(1)} MB): render ${((rendered - start) / 1000).toFixed(1)} s, ` +
      `merge ${((performance.now() - rendered) / 1000).toFixed(1)} s, total ${(total / 1000).toFixed(1)} s — target ≤ 15 s ${total <= 15_000 ? "OK" : "MISSED"}`,
  );
  return total <= 15_000;
}

const ok = [await single(), await bulk()].every(Boolean);
process.exitCode = ok ? 0 : 1;
