import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { parseTableState } from "@/lib/table/params";
import { verifyPassword } from "@/server/auth/password";
import { auditEvents, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { findUserByEmail, listUsers, usersTable } from "@/server/queries/users";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "@/server/services/users";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.cleanup();
});
beforeEach(async () => {
  await testDb.db.execute(sql`truncate users, audit_events cascade`);
});

async function expectAppError(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof AppError && error.code === code);
}

describe(`users service (${driverName})`, () => {
  it("creates a user with a hashed password and an audit event", async () => {
    const { user, generatedPassword } = await createUser(
      testDb.db,
      { email: "ana@store.com", name: "Ana", role: "admin", password: "a-long-password" },
      null,
    );
    expect(generatedPassword).toBeUndefined();
    expect(user.passwordHash).not.toContain("a-long-password");
    expect(await verifyPassword("a-long-password", user.passwordHash)).toBe(true);
    const events = await testDb.db.select().from(auditEvents);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.created", entityId: user.id });
    expect(JSON.stringify(events[0].after)).not.toContain("password");
  });

  it("generates a password when none is given", async () => {
    const { user, generatedPassword } = await createUser(
      testDb.db,
      { email: "o@store.com", name: "O", role: "operator" },
      null,
    );
    expect(generatedPassword).toMatch(/^[a-zA-Z0-9]{4}(-[a-zA-Z0-9]{4}){3}$/);
    expect(await verifyPassword(generatedPassword!, user.passwordHash)).toBe(true);
  });

  it("refuses a second account with the same email in any letter case", async () => {
    await createUser(testDb.db, { email: "ana@store.com", name: "Ana", role: "admin" }, null);
    await expectAppError(
      createUser(testDb.db, { email: "ANA@store.com", name: "Ana 2", role: "operator" }, null),
      "errors.emailTaken",
    );
    const [{ count }] = await testDb.db.select({ count: sql<number>`count(*)::int` }).from(users);
    expect(count).toBe(1);
  });

  it("keeps the last active admin and never lets an admin lock themselves out", async () => {
    const { user: admin } = await createUser(testDb.db, { email: "a@s.com", name: "A", role: "admin" }, null);
    const { user: operator } = await createUser(testDb.db, { email: "o@s.com", name: "O", role: "operator" }, null);
    await expectAppError(changeUserRole(testDb.db, admin, admin.id, "operator"), "errors.cannotChangeOwnAccount");
    await expectAppError(setUserActive(testDb.db, admin, admin.id, false), "errors.cannotChangeOwnAccount");

    await changeUserRole(testDb.db, admin, operator.id, "admin");
    // Now two admins: the second may demote the first.
    const demoted = await changeUserRole(testDb.db, operator, admin.id, "operator");
    expect(demoted.role).toBe("operator");
    // operator (now the only admin) cannot be deactivated by anyone.
    await expectAppError(setUserActive(testDb.db, admin, operator.id, false), "errors.lastAdmin");
    expect((await findUserByEmail(testDb.db, "o@s.com"))!.active).toBe(true);
  });

  it("deactivates and reactivates with an audit trail", async () => {
    const { user: admin } = await createUser(testDb.db, { email: "a@s.com", name: "A", role: "admin" }, null);
    const { user: operator } = await createUser(testDb.db, { email: "o@s.com", name: "O", role: "operator" }, null);
    expect((await setUserActive(testDb.db, admin, operator.id, false)).active).toBe(false);
    expect((await setUserActive(testDb.db, admin, operator.id, true)).active).toBe(true);
    const actions = (await testDb.db.select().from(auditEvents)).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["user.deactivated", "user.reactivated"]));
  });

  it("resets a password", async () => {
    const { user } = await createUser(
      testDb.db,
      { email: "o@s.com", name: "O", role: "operator", password: "first-password" },
      null,
    );
    await resetUserPassword(testDb.db, null, user.id, "second-password");
    const reloaded = await findUserByEmail(testDb.db, "o@s.com");
    expect(await verifyPassword("second-password", reloaded!.passwordHash)).toBe(true);
    expect(await verifyPassword("first-password", reloaded!.passwordHash)).toBe(false);
    await expectAppError(resetUserPassword(testDb.db, null, "7c9e6679-7425-40de-944b-e07fc1f90ae7"), "errors.notFound");
  });
});

describe(`users table query (${driverName})`, () => {
  beforeEach(async () => {
    // 25 users with predictable names; every fifth is an inactive admin.
    await testDb.db.insert(users).values(
      Array.from({ length: 25 }, (_, i) => ({
        email: `user${String(i).padStart(2, "0")}@store.com`,
        name: `User ${String(i).padStart(2, "0")}`,
        passwordHash: "x",
        role: i % 5 === 0 ? ("admin" as const) : ("operator" as const),
        active: i % 5 !== 0,
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)),
      })),
    );
  });

  it("pages with a total count", async () => {
    const page1 = await listUsers(testDb.db, parseTableState({ perPage: "10" }, usersTable));
    const page3 = await listUsers(testDb.db, parseTableState({ perPage: "10", page: "3" }, usersTable));
    expect(page1.rowCount).toBe(25);
    expect(page1.rows).toHaveLength(10);
    expect(page3.rows).toHaveLength(5);
    // Newest first by default.
    expect(page1.rows[0].name).toBe("User 24");
  });

  it("sorts, filters and searches in SQL", async () => {
    const sorted = await listUsers(testDb.db, parseTableState({ sort: "name.asc", perPage: "10" }, usersTable));
    expect(sorted.rows.map((row) => row.name).slice(0, 3)).toEqual(["User 00", "User 01", "User 02"]);

    const inactiveAdmins = await listUsers(
      testDb.db,
      parseTableState({ role: "admin", status: "inactive" }, usersTable),
    );
    expect(inactiveAdmins.rowCount).toBe(5);
    expect(inactiveAdmins.rows.every((row) => row.role === "admin" && !row.active)).toBe(true);

    const search = await listUsers(testDb.db, parseTableState({ q: "USER1" }, usersTable));
    expect(search.rows.map((row) => row.email).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `user1${i}@store.com`),
    );
  });

  it("treats LIKE wildcards in the search as plain text", async () => {
    expect((await listUsers(testDb.db, parseTableState({ q: "%" }, usersTable))).rowCount).toBe(0);
    expect((await listUsers(testDb.db, parseTableState({ q: "user_1" }, usersTable))).rowCount).toBe(0);
  });
});
