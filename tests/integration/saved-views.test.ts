// Saved views on a real database: each user's own, named once per table, at most
// SAVED_VIEWS_PER_TABLE, and their queries stored and listed as the table's spec reads them.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSavedViewSchema } from "@/domain/saved-view-forms";
import { SAVED_VIEWS_PER_TABLE } from "@/domain/saved-views";
import { savedViews } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { listSavedViews } from "@/server/queries/saved-views";
import { createSavedView, deleteSavedView, renameSavedView, setSavedViewPinned } from "@/server/services/saved-views";
import { createUser } from "@/server/services/users";
import { createTestDb, driverName, type TestDb } from "../helpers/test-db";

let testDb: TestDb;
let ana: string;
let bruno: string;

beforeAll(async () => {
  testDb = await createTestDb();
  const make = async (email: string) =>
    (await createUser(testDb.db, { email, name: email, role: "operator", password: "a-long-password" }, null)).user.id;
  ana = await make("ana@store.com");
  bruno = await make("bruno@store.com");
});
afterAll(async () => {
  await testDb?.cleanup();
});
beforeEach(async () => {
  await testDb.db.execute(sql`truncate saved_views`);
});

async function expectAppError(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((error) => error instanceof AppError && error.code === code);
}

const view = (name: string, query = "", table: "shipments" | "drafts" = "shipments") => ({
  table,
  name,
  query,
  pinned: false,
});

async function storedCount() {
  return (await testDb.db.select().from(savedViews)).length;
}

describe(`saved views (${driverName})`, () => {
  it("saves a view with the query the table's spec reads, never the page", async () => {
    const created = await createSavedView(
      testDb.db,
      ana,
      view("DHL, oldest first", "?page=3&carrier=dhl&sort=createdAt.asc&tab=drafts&evil=1&perPage=50&q=Ana"),
    );
    expect(created.query).toBe("carrier=dhl&perPage=50&q=Ana&sort=createdAt.asc");
    expect(await listSavedViews(testDb.db, ana, "shipments")).toEqual([
      { id: created.id, name: "DHL, oldest first", query: created.query, pinned: false },
    ]);
  });

  it("renames, pins, unpins and deletes; pinned views list first", async () => {
    const first = await createSavedView(testDb.db, ana, view("First", "carrier=ups"));
    const second = await createSavedView(testDb.db, ana, view("Second", "carrier=dhl"));
    await setSavedViewPinned(testDb.db, ana, second.id, true);
    expect((await listSavedViews(testDb.db, ana, "shipments")).map((row) => [row.name, row.pinned])).toEqual([
      ["Second", true],
      ["First", false],
    ]);
    const renamed = await renameSavedView(testDb.db, ana, first.id, "UPS queue");
    expect(renamed.name).toBe("UPS queue");
    await setSavedViewPinned(testDb.db, ana, second.id, false);
    expect((await listSavedViews(testDb.db, ana, "shipments")).map((row) => [row.name, row.pinned])).toEqual([
      ["UPS queue", false],
      ["Second", false],
    ]);
    const deleted = await deleteSavedView(testDb.db, ana, first.id);
    expect(deleted.name).toBe("UPS queue");
    expect((await listSavedViews(testDb.db, ana, "shipments")).map((row) => row.name)).toEqual(["Second"]);
  });

  it("refuses a second view of the same name on a table, whatever its case, and allows it elsewhere", async () => {
    const mine = await createSavedView(testDb.db, ana, view("Mine"));
    await expectAppError(createSavedView(testDb.db, ana, view("MINE")), "savedViews.errors.duplicate");
    await createSavedView(testDb.db, ana, view("Mine", "", "drafts"));
    await createSavedView(testDb.db, bruno, view("Mine"));
    const other = await createSavedView(testDb.db, ana, view("Other"));
    await expectAppError(renameSavedView(testDb.db, ana, other.id, "mine"), "savedViews.errors.duplicate");
    // A change of case of the view's own name is a rename, not a duplicate.
    expect((await renameSavedView(testDb.db, ana, mine.id, "MINE")).name).toBe("MINE");
    expect(await storedCount()).toBe(4);
  });

  it(`keeps at most ${SAVED_VIEWS_PER_TABLE} views per user and table`, async () => {
    for (let n = 0; n < SAVED_VIEWS_PER_TABLE; n++) await createSavedView(testDb.db, ana, view(`View ${n}`));
    await expectAppError(createSavedView(testDb.db, ana, view("One too many")), "savedViews.errors.limit");
    await createSavedView(testDb.db, ana, view("Another table", "", "drafts"));
    await createSavedView(testDb.db, bruno, view("Bruno's"));
    expect(await storedCount()).toBe(SAVED_VIEWS_PER_TABLE + 2);
  });

  it("shows a user only their own views, and another user's view cannot be changed", async () => {
    const anas = await createSavedView(testDb.db, ana, view("Ana's", "carrier=dhl"));
    expect(await listSavedViews(testDb.db, bruno, "shipments")).toEqual([]);
    await expectAppError(renameSavedView(testDb.db, bruno, anas.id, "Taken"), "errors.notFound");
    await expectAppError(setSavedViewPinned(testDb.db, bruno, anas.id, true), "errors.notFound");
    await expectAppError(deleteSavedView(testDb.db, bruno, anas.id), "errors.notFound");
    expect(await listSavedViews(testDb.db, ana, "shipments")).toEqual([
      { id: anas.id, name: "Ana's", query: "carrier=dhl", pinned: false },
    ]);
  });

  it("stores hostile names as plain names and hostile queries as what the spec accepts", async () => {
    const proto = await createSavedView(testDb.db, ana, view("__proto__", "__proto__=1&constructor[x]=2"));
    expect(proto.name).toBe("__proto__");
    expect(proto.query).toBe("");
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const injection = await createSavedView(
      testDb.db,
      ana,
      view("'; drop table saved_views; --", "sort=name;drop.asc&carrier=dhl'--&status=ready&store=1 or 1=1&q=%00x"),
    );
    expect(injection.query).toBe("q=x&status=ready");
    expect(await storedCount()).toBe(2);
    await expectAppError(
      createSavedView(testDb.db, ana, view("Long", "q=".padEnd(2001, "x"))),
      "savedViews.errors.queryTooLong",
    );
    expect(await storedCount()).toBe(2);
  });

  it("refuses names with control characters before anything is stored", () => {
    for (const name of ["a\u0000b", "tab\there", "new\nline", "", " ".repeat(5), "x".repeat(61)]) {
      expect(createSavedViewSchema.safeParse({ table: "shipments", name }).success, JSON.stringify(name)).toBe(false);
    }
  });

  it("lists a stored query again through the spec, dropping what the table no longer accepts", async () => {
    const created = await createSavedView(testDb.db, ana, view("Stale", "carrier=dhl"));
    await testDb.db.execute(
      sql`update saved_views set query = 'carrier=dhl,pigeon&sort=gone.asc&page=9&q=a%00b&extra=1' where id = ${created.id}`,
    );
    expect((await listSavedViews(testDb.db, ana, "shipments"))[0].query).toBe("carrier=dhl&q=a+b");
  });
});
