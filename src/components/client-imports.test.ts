// What the browser gets: every "use client" module of src/ and what it imports, followed through
// our own modules (type-only imports and "use server" files end a path: the bundler leaves them
// out). Packages that belong on the server, and would add tens of kB of gzip JavaScript to a page
// (`npm run bench:vitals`), must not be reached; a form that needs a list of choices imports it
// from a module of constants (customs-codes.ts, shipper-fields.ts, carrier-account-options.ts …).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "..");

/** Server-side packages and what each would cost a page, gzip. */
const SERVER_ONLY = {
  "libphonenumber-js": "54 kB (phone metadata)",
  "next-auth": "11 kB (its browser client)",
  zod: "31 kB",
  "pdf-lib": "the PDF writer",
  postgres: "the database driver",
  "@electric-sql/pglite": "the embedded database",
  "@shopify/shopify-api": "the Shopify client",
};

/**
 * Paths allowed on purpose: Edit Draft checks each field as the operator types with the very
 * schema its save uses (draft-form.ts), so an error goes away exactly when the save would accept
 * the value; that page pays zod's 31 kB for it.
 */
const ALLOWED = [{ from: "domain/draft-form.ts", to: "zod" }];

const IMPORT = /^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms;

function resolveModule(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(SRC, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), base])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

const startsWith = (file: string, directive: string) =>
  fs.readFileSync(file, "utf8").trimStart().startsWith(`"${directive}"`);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/** Each server-only package a client module reaches, with the import chain that gets there. */
function serverPackagesReached(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const queue: [string, string[]][] = [[entry, [path.relative(SRC, entry)]]];
  while (queue.length > 0) {
    const [file, chain] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, typeOnly, specifier] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      if (typeOnly) continue;
      const relative = path.relative(SRC, file);
      const pkg = Object.keys(SERVER_ONLY).find((name) => specifier === name || specifier.startsWith(`${name}/`));
      if (pkg) {
        if (!ALLOWED.some((allowed) => relative === allowed.from && pkg === allowed.to))
          found.push(`${[...chain, specifier].join(" → ")} (${SERVER_ONLY[pkg as keyof typeof SERVER_ONLY]})`);
        continue;
      }
      const next = resolveModule(file, specifier);
      if (next && !startsWith(next, "use server")) queue.push([next, [...chain, path.relative(SRC, next)]]);
    }
  }
  return found;
}

describe("client modules", () => {
  const clients = sourceFiles(SRC).filter((file) => startsWith(file, "use client"));

  it("are found (the walk reads the real tree)", () => {
    expect(clients.length).toBeGreaterThan(30);
  });

  it("reach no server-side package", () => {
    expect(clients.flatMap(serverPackagesReached)).toEqual([]);
  });

  it("would be caught reaching one (the walk follows imports through our modules)", () => {
    // store-forms.ts → shipper.ts → address-rules.ts → libphonenumber: a form importing it would ship the metadata.
    const reached = serverPackagesReached(path.join(SRC, "domain", "store-forms.ts")).join("\n");
    expect(reached).toMatch(/shipper\.ts → .*address-rules\.ts → libphonenumber-js/);
  });
});
