// The mapping comparison (issue 16, "Import": "with the mapping unchanged in what it decides").
// 10,000 orders of the project's generator, read as a bulk result and one in four made odd
// (tests/helpers/mapping-corpus.ts), each mapped with a store context; the digest of everything
// the import decides from them is compared with the one recorded from the code before the import
// was made fast (tests/fixtures/mapping-10k.json). Also times the mapping alone (mapOrder and the
// order row, µs per order, over the same orders held in memory).
//   node --conditions=react-server --import tsx scripts/bench/mapping-compare.ts            compare and time
//   node --conditions=react-server --import tsx scripts/bench/mapping-compare.ts --record   record the fixture
// The same comparison runs as a test: tests/integration/mapping-compare.test.ts.
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { mapOrder } from "../../src/domain/order-mapping";
import { orderRow } from "../../src/server/services/sync/import-page";
import { corpus, digestCorpus, type CorpusDigest, type CorpusOrder } from "../../tests/helpers/mapping-corpus";

const FIXTURE = new URL("../../tests/fixtures/mapping-10k.json", import.meta.url);

export function recordedDigest(): CorpusDigest {
  return JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as CorpusDigest;
}

/** "same" or where the first difference is, chunk by chunk. */
export function compareDigests(actual: CorpusDigest, recorded: CorpusDigest): string {
  if (actual.sha256 === recorded.sha256) return "same";
  const chunk = actual.chunks.findIndex((digest, index) => digest !== recorded.chunks[index]);
  const size = Math.ceil(recorded.orders / recorded.chunks.length);
  return chunk < 0
    ? `different (${actual.orders} orders, ${recorded.orders} recorded)`
    : `different from order ${chunk * size} to ${chunk * size + size - 1}`;
}

/** Median µs per order of `run` over the orders, in `passes` passes. */
function microsPerOrder(orders: CorpusOrder[], passes: number, run: (entry: CorpusOrder) => unknown): number {
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    for (const entry of orders) {
      try {
        run(entry);
      } catch {
        // An order the mapping cannot read: the import records it as unreadable, and so on.
      }
    }
    times.push(((performance.now() - started) * 1000) / orders.length);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** The comparison and the mapping's own speed, as lines for a benchmark's output. */
export async function mappingReport(): Promise<{ same: boolean; lines: string[] }> {
  const recorded = recordedDigest();
  const actual = await digestCorpus(recorded.orders);
  const verdict = compareDigests(actual, recorded);
  const orders: CorpusOrder[] = [];
  for await (const entry of corpus(recorded.orders)) orders.push(entry);
  microsPerOrder(orders, 1, ({ order, context }) => mapOrder(order, context)); // warm-up
  const mapping = microsPerOrder(orders, 3, ({ order, context }) => mapOrder(order, context));
  const row = microsPerOrder(orders, 3, ({ order }) => orderRow("store", order));
  return {
    same: verdict === "same",
    lines: [
      `mapping comparison: ${actual.orders.toLocaleString("en")} generated orders (${actual.oddities.toLocaleString("en")} odd), ` +
        `digest ${actual.sha256.slice(0, 16)}… ${verdict === "same" ? "= the recorded one (mapping unchanged)" : `≠ the recorded ${recorded.sha256.slice(0, 16)}…: ${verdict}`}`,
      `mapping alone: mapOrder ${mapping.toFixed(1)} µs/order, order row ${row.toFixed(1)} µs/order (median of 3 passes)`,
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (process.argv.includes("--record")) {
    const digest = await digestCorpus();
    fs.writeFileSync(FIXTURE, `${JSON.stringify(digest, null, 2)}\n`);
    console.log(`recorded ${digest.orders} orders: ${digest.sha256}`, digest.outcomes);
  } else {
    const report = await mappingReport();
    for (const line of report.lines) console.log(line);
    if (!report.same) process.exitCode = 1;
  }
}
