#!/usr/bin/env node
// npm run shopify:schema — brings in Shopify's Admin GraphQL schema (introspection) for the API
// version we use, from the npm package @shopify/dev-mcp, and stores it gzipped in
// src/emulator/schema/. The emulator executes queries against it and the contract test checks
// every operation the dashboard sends. Commit the result.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PACKAGE = "@shopify/dev-mcp@1.16.0";
const VERSION = process.argv[2] ?? "2026-07";
const root = path.resolve(import.meta.dirname, "..");
const target = path.join(root, "src/emulator/schema", `admin_${VERSION}.json.gz`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "shopify-schema-"));
try {
  const tarball = execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: work, encoding: "utf8" }).trim();
  execFileSync("tar", ["xzf", tarball, `package/dist/data/admin_${VERSION}.json.gz`], { cwd: work });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, "package/dist/data", `admin_${VERSION}.json.gz`), target);
  console.log(`Wrote ${path.relative(root, target)} (${fs.statSync(target).size} bytes) from ${PACKAGE}.`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
