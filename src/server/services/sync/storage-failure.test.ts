import { describe, expect, it } from "vitest";
import en from "@/i18n/messages/en.json";
import ptBR from "@/i18n/messages/pt-BR.json";
import { classifyStorageFailure, describeForLog, type StorageFailureCode } from "./storage-failure";

/** A driver error as PGlite or postgres.js throws it, wrapped the way drizzle wraps it. */
function drizzleError(code: string, fields: Record<string, string> = {}) {
  const cause = Object.assign(new Error("value 'Marina Sousa, +5511987654321' is wrong"), { code, ...fields });
  return Object.assign(new Error("Failed query: insert into orders ... params: Marina Sousa,+5511987654321"), {
    cause,
  });
}

describe("storage failures", () => {
  it.each([
    ["22003", "value_out_of_range"],
    ["22001", "value_too_long"],
    ["23505", "constraint_violation"],
    ["23514", "constraint_violation"],
    ["P0001", "storage_failed"],
    ["22P02", "storage_failed"],
  ])("SQLSTATE %s is %s, with a fixed sentence", (sqlstate, code) => {
    const failure = classifyStorageFailure(drizzleError(sqlstate));
    expect(failure).toMatchObject({ code, sqlstate });
    expect(failure.message).not.toMatch(/Marina|5511/);
  });

  it("an error without a SQLSTATE is storage_failed", () => {
    expect(classifyStorageFailure(new Error("Marina Sousa"))).toMatchObject({ code: "storage_failed", sqlstate: null });
    expect(classifyStorageFailure("Marina Sousa")).toMatchObject({ code: "storage_failed", sqlstate: null });
  });

  it("logs the identifiers the driver gives (PGlite's and postgres.js's names), never a value", () => {
    const pglite = classifyStorageFailure(drizzleError("22003", { table: "orders", column: "total_price" }));
    expect(describeForLog(pglite)).toBe("SQLSTATE 22003 table orders column total_price");
    const postgresJs = classifyStorageFailure(
      drizzleError("23505", { table_name: "orders", constraint_name: "orders_store_gid_unique" }),
    );
    expect(describeForLog(postgresJs)).toBe("SQLSTATE 23505 table orders constraint orders_store_gid_unique");
    // Something that is not an identifier (it could be a value) is left out.
    const odd = classifyStorageFailure(drizzleError("22001", { column: "Marina Sousa, +55" }));
    expect(describeForLog(odd)).toBe("SQLSTATE 22001");
  });

  it("every failed-item code and run error code is translated in both languages", () => {
    const codes: StorageFailureCode[] = [
      "value_out_of_range",
      "value_too_long",
      "constraint_violation",
      "storage_failed",
    ];
    const mapping = ["no_line_items", "invalid_total", "missing_country", "unknown_country", "unreadable"];
    for (const messages of [en, ptBR]) {
      for (const code of [...codes, ...mapping]) {
        expect(messages.syncRuns.failedReasons, code).toHaveProperty(code);
      }
      expect(messages.sync.errors).toHaveProperty("bulk_timeout");
      expect(messages.sync.errors).toHaveProperty("unexpected");
    }
  });
});
