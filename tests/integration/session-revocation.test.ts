import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { findSessionUser } from "@/server/auth/session-user";
import { checkCredentials } from "@/server/auth/sign-in";
import type { User } from "@/server/db/schema";
import { findUserById } from "@/server/queries/users";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "@/server/services/users";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
let admin: User;
let operator: User;
const password = "a-long-password";

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.cleanup();
});
beforeEach(async () => {
  await testDb.db.execute(sql`truncate users, audit_events, sign_in_failures cascade`);
  ({ user: admin } = await createUser(
    testDb.db,
    { email: "ana@store.com", name: "Ana", role: "admin", password },
    null,
  ));
  ({ user: operator } = await createUser(
    testDb.db,
    { email: "op@store.com", name: "Op", role: "operator", password },
    null,
  ));
});

/** The token a sign-in issues now (what startSession puts in the JWT). */
async function signInToken(email: string, pass = password) {
  const result = await checkCredentials(testDb.db, { email, password: pass }, "203.0.113.1");
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return { sub: result.user.id, sessionVersion: result.user.sessionVersion };
}

async function versionOf(id: string) {
  return (await findUserById(testDb.db, id))!.sessionVersion;
}

describe(`session revocation (${driverName})`, () => {
  it("a new account starts at version 1 and its session stands", async () => {
    const token = await signInToken("op@store.com");
    expect(token.sessionVersion).toBe(1);
    expect(await findSessionUser(testDb.db, token)).toMatchObject({ id: operator.id, role: "operator" });
  });

  it("setting a password (admin reset or the user:password CLI) ends every earlier session", async () => {
    const before = await signInToken("op@store.com");
    await resetUserPassword(testDb.db, admin, operator.id, "another-long-password");
    expect(await versionOf(operator.id)).toBe(2);
    expect(await findSessionUser(testDb.db, before)).toBeNull();
    // Signing in again with the new password gives a session that stands.
    const after = await signInToken("op@store.com", "another-long-password");
    expect(await findSessionUser(testDb.db, after)).toMatchObject({ id: operator.id });
    // The CLI passes no actor and may generate the password: the same bump.
    await resetUserPassword(testDb.db, null, operator.id);
    expect(await versionOf(operator.id)).toBe(3);
    expect(await findSessionUser(testDb.db, after)).toBeNull();
  });

  it("deactivating ends the sessions and reactivating does not revive them", async () => {
    const before = await signInToken("op@store.com");
    await setUserActive(testDb.db, admin, operator.id, false);
    expect(await findSessionUser(testDb.db, before)).toBeNull();
    await setUserActive(testDb.db, admin, operator.id, true);
    expect(await versionOf(operator.id)).toBe(3);
    expect(await findSessionUser(testDb.db, before)).toBeNull();
    expect(await findSessionUser(testDb.db, await signInToken("op@store.com"))).toMatchObject({ id: operator.id });
  });

  it("a no-op change (already active) does not end sessions", async () => {
    const token = await signInToken("op@store.com");
    await setUserActive(testDb.db, admin, operator.id, true);
    expect(await findSessionUser(testDb.db, token)).not.toBeNull();
  });

  it("reports the role from the database, so a role change shows at once", async () => {
    const token = await signInToken("op@store.com");
    await changeUserRole(testDb.db, admin, operator.id, "admin");
    expect(await findSessionUser(testDb.db, token)).toMatchObject({ id: operator.id, role: "admin" });
  });

  it("refuses a token without a version (issued before revocation existed) or without a user", async () => {
    expect(await findSessionUser(testDb.db, { sub: operator.id })).toBeNull();
    expect(await findSessionUser(testDb.db, { sessionVersion: 1 })).toBeNull();
    await testDb.db.execute(sql`delete from users where id = ${operator.id}`);
    expect(await findSessionUser(testDb.db, { sub: operator.id, sessionVersion: 1 })).toBeNull();
  });

  it("another user's version bump leaves this user's sessions alone", async () => {
    const token = await signInToken("ana@store.com");
    await resetUserPassword(testDb.db, admin, operator.id, "another-long-password");
    expect(await findSessionUser(testDb.db, token)).toMatchObject({ id: admin.id });
  });
});
