import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { MAX_ACCOUNT_FAILURES, MAX_FAILURES, WINDOW_MS } from "@/server/auth/rate-limit";
import { checkCredentials } from "@/server/auth/sign-in";
import { findUserByEmail } from "@/server/queries/users";
import { createUser, setUserActive } from "@/server/services/users";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
const password = "a-long-password";

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.cleanup();
});
beforeEach(async () => {
  await testDb.db.execute(sql`truncate users, audit_events, sign_in_failures cascade`);
  await createUser(testDb.db, { email: "ana@store.com", name: "Ana", role: "admin", password }, null);
});

describe(`checkCredentials (${driverName})`, () => {
  it("accepts the right password in any email letter case and records the sign-in", async () => {
    const result = await checkCredentials(testDb.db, { email: "Ana@Store.com", password }, "1.1.1.1");
    expect(result.ok).toBe(true);
    expect((await findUserByEmail(testDb.db, "ana@store.com"))!.lastSignInAt).toBeInstanceOf(Date);
  });

  it("answers the same for a wrong password, an unknown email and a deactivated account", async () => {
    expect(await checkCredentials(testDb.db, { email: "ana@store.com", password: "wrong-password" }, "ip")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await checkCredentials(testDb.db, { email: "nobody@store.com", password }, "ip")).toEqual({
      ok: false,
      reason: "invalid",
    });
    const { user: other } = await createUser(
      testDb.db,
      { email: "o@store.com", name: "O", role: "operator", password },
      null,
    );
    const admin = (await findUserByEmail(testDb.db, "ana@store.com"))!;
    await setUserActive(testDb.db, admin, other.id, false);
    expect(await checkCredentials(testDb.db, { email: "o@store.com", password }, "ip")).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it(`blocks an email + IP after ${MAX_FAILURES} failures, even with the right password, until the window passes`, async () => {
    const start = new Date("2026-11-26T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) {
      const result = await checkCredentials(testDb.db, { email: "ana@store.com", password: "wrong" }, "9.9.9.9", start);
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await checkCredentials(testDb.db, { email: "ana@store.com", password }, "9.9.9.9", start)).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // Another IP is not affected.
    expect((await checkCredentials(testDb.db, { email: "ana@store.com", password }, "8.8.8.8", start)).ok).toBe(true);
    // After the window the right password works again.
    const later = new Date(start.getTime() + WINDOW_MS + 1000);
    expect((await checkCredentials(testDb.db, { email: "ana@store.com", password }, "9.9.9.9", later)).ok).toBe(true);
  });

  it("clears the failure count after a successful sign-in", async () => {
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      await checkCredentials(testDb.db, { email: "ana@store.com", password: "wrong" }, "7.7.7.7");
    }
    expect((await checkCredentials(testDb.db, { email: "ana@store.com", password }, "7.7.7.7")).ok).toBe(true);
    await checkCredentials(testDb.db, { email: "ana@store.com", password: "wrong" }, "7.7.7.7");
    expect((await checkCredentials(testDb.db, { email: "ana@store.com", password }, "7.7.7.7")).ok).toBe(true);
  });

  it(`blocks an email from every address after ${MAX_ACCOUNT_FAILURES} failures from rotating addresses`, async () => {
    const start = new Date("2026-11-26T10:00:00Z");
    const at = (i: number) => `203.0.113.${i}`;
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) {
      const result = await checkCredentials(testDb.db, { email: "ana@store.com", password: "wrong" }, at(i), start);
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    // A fresh address, with the right password, is refused: the account itself is throttled.
    expect(await checkCredentials(testDb.db, { email: "Ana@store.com", password }, "198.51.100.1", start)).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    // Other accounts are not affected.
    await createUser(testDb.db, { email: "bia@store.com", name: "Bia", role: "operator", password }, null);
    expect((await checkCredentials(testDb.db, { email: "bia@store.com", password }, at(1), start)).ok).toBe(true);
    // After the window the account signs in again.
    const later = new Date(start.getTime() + WINDOW_MS + 1000);
    expect((await checkCredentials(testDb.db, { email: "ana@store.com", password }, at(1), later)).ok).toBe(true);
  });

  it("keeps the account's count after a successful sign-in from one address", async () => {
    const start = new Date("2026-11-26T10:00:00Z");
    for (let i = 0; i < MAX_ACCOUNT_FAILURES - 1; i++) {
      await checkCredentials(testDb.db, { email: "ana@store.com", password: "wrong" }, `203.0.113.${i}`, start);
    }
    expect((await checkCredentials(testDb.db, { email: "ana@store.com", password }, "198.51.100.1", start)).ok).toBe(
      true,
    );
    await checkCredentials(testDb.db, { email: "ana@store.com", password: "wrong" }, "203.0.113.200", start);
    expect(await checkCredentials(testDb.db, { email: "ana@store.com", password }, "198.51.100.1", start)).toEqual({
      ok: false,
      reason: "rate_limited",
    });
  });
});
