// The fuzz suite of the tables' URL state: random and hostile parameters (NUL and other control
// characters, megabyte values, unknown sort columns, __proto__ as a filter, repeated keys) sent
// to parseTableState with every table's spec. The parse never throws, Object.prototype gains
// nothing, and what reaches SQL is only what the spec allows: a known sort, known filter values,
// a page in range, and a search of at most 100 printable characters. Seeded like the form fuzz.
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  acceptsFilterValue,
  filterOptions,
  parseTableState,
  type SearchParams,
  type TableSpec,
} from "@/lib/table/params";
import { quotesTable } from "./quotes";
import { draftsTable, shipmentsTable } from "./shipments";
import { storesTable } from "./stores";
import { runItemsTable, syncRunsTable } from "./sync-runs";
import { usersTable } from "./users";

const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201);
/** Random URLs per table (7 tables). */
export const RUNS_PER_TABLE = 300;

/** A store id (an id filter takes any well-formed one), in both cases: the parse lower-cases it. */
const STORE_IDS = ["6f1c2a4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f", "6F1C2A4E-8A9B-4C3D-9E8F-0A1B2C3D4E5F"];

const TABLES: Record<string, TableSpec> = {
  quotesTable,
  shipmentsTable,
  draftsTable,
  storesTable,
  syncRunsTable,
  runItemsTable,
  usersTable,
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const MEGABYTE = "q".repeat(1_048_576);

describe("the table fuzz suite covers every table", () => {
  it("has every spec defined with defineTable in src/server/queries", () => {
    const defined = fs
      .readdirSync(import.meta.dirname)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .flatMap((file) => [
        ...fs
          .readFileSync(path.join(import.meta.dirname, file), "utf8")
          .matchAll(/export const (\w+) = defineTable\(/g),
      ])
      .map((match) => match[1]);
    expect(defined.sort()).toEqual(Object.keys(TABLES).sort());
  });
});

describe.each(Object.entries(TABLES))("fuzzing the URL of %s", (_name, spec) => {
  const filterNames = Object.keys(spec.filters);
  const allowedValues = [...Object.values(spec.filters).flatMap(filterOptions), ...STORE_IDS];
  const word = fc.oneof(
    fc.constantFrom(...spec.sortable, ...filterNames, ...allowedValues, "__proto__", "constructor", "prototype"),
    fc.string({ unit: "binary", maxLength: 12 }),
  );
  const value = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom("\u0000", "a\u0000b", "%00", "\u001b[0m", "\u0085", MEGABYTE, "-1", "0", "1e309", "2.5", " 3 "),
    fc.integer().map(String),
    fc.tuple(word, fc.constantFrom("asc", "desc", "ASC", "", "asc\u0000")).map(([id, dir]) => `${id}.${dir}`),
    fc.array(word, { maxLength: 5 }).map((words) => words.join(",")),
  );
  const key = fc.oneof(
    fc.constantFrom("q", "page", "perPage", "sort", "tab", "order", ...filterNames),
    fc.constantFrom("__proto__", "constructor", "prototype", "hasOwnProperty"),
    fc.string({ maxLength: 8 }),
  );
  // Next gives a repeated parameter as an array of its values.
  const params = fc.dictionary(key, fc.oneof(value, fc.array(value, { maxLength: 4 })), { maxKeys: 10 });

  it("never throws and lets only what the spec allows through", () => {
    fc.assert(
      fc.property(params, (raw) => {
        const before = Object.getOwnPropertyNames(Object.prototype).join(",");
        const state = parseTableState(raw as SearchParams, spec);
        expect(Object.getOwnPropertyNames(Object.prototype).join(",")).toBe(before);
        expect(Number.isInteger(state.page) && state.page >= 1 && state.page <= 1_000_000).toBe(true);
        expect(spec.perPageOptions ?? [10, 20, 50, 100]).toContain(state.perPage);
        expect(spec.sortable).toContain(state.sort.id);
        for (const [name, values] of Object.entries(state.filters)) {
          expect(filterNames).toContain(name);
          for (const chosen of values as string[]) expect(acceptsFilterValue(spec.filters[name], chosen)).toBe(true);
        }
        expect(state.q.length).toBeLessThanOrEqual(100);
        expect(state.q).not.toMatch(CONTROL);
        expect(state.q).toBe(state.q.trim());
      }),
      { seed: FUZZ_SEED, numRuns: RUNS_PER_TABLE },
    );
  });
});
