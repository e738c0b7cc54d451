import { describe, expect, it } from "vitest";
import { cleanTextParam, defineTable, pageCount, parseTableState, serializeTableState } from "./params";

const spec = defineTable({
  sortable: ["name", "createdAt"],
  defaultSort: { id: "createdAt", desc: true },
  filters: { role: ["admin", "operator"], status: ["active", "inactive"] },
});

describe("parseTableState", () => {
  it("gives the defaults for an empty URL", () => {
    expect(parseTableState({}, spec)).toEqual({
      page: 1,
      perPage: 20,
      sort: { id: "createdAt", desc: true },
      filters: {},
      q: "",
    });
  });

  it("reads page, size, sort, filters and search", () => {
    const state = parseTableState(
      { page: "3", perPage: "50", sort: "name.asc", role: "admin,operator", q: " ana " },
      spec,
    );
    expect(state).toEqual({
      page: 3,
      perPage: 50,
      sort: { id: "name", desc: false },
      filters: { role: ["admin", "operator"] },
      q: "ana",
    });
  });

  it("drops anything the table does not allow", () => {
    const state = parseTableState(
      {
        page: "-2",
        perPage: "7",
        sort: "password_hash.asc",
        role: "admin,root",
        status: "deleted",
        q: "x".repeat(500),
      },
      spec,
    );
    expect(state.page).toBe(1);
    expect(state.perPage).toBe(20);
    expect(state.sort).toEqual({ id: "createdAt", desc: true });
    expect(state.filters).toEqual({ role: ["admin"] });
    expect(state.q).toHaveLength(100);
  });

  it("never lets a NUL or another control character through, in any parameter", () => {
    const state = parseTableState(
      {
        q: "\u0000",
        page: "2\u0000",
        perPage: "20\u0000",
        sort: "name.asc\u0000",
        role: "admin\u0000,operator",
      },
      spec,
    );
    expect(state).toEqual({ ...parseTableState({ role: "operator" }, spec), q: "" });
    expect(parseTableState({ q: "ana\u0000souza\u001b[0m\u0085 " }, spec).q).toBe("ana souza [0m");
    expect(parseTableState({ q: ["#1001", "\u0000"] }, spec).q).toBe("#1001");
  });

  it("drops over-long parameters and keeps a search to 100 characters", () => {
    const long = "name.asc," + "x".repeat(10_000);
    expect(parseTableState({ sort: long, page: "1".repeat(10_000), role: `admin,${long}` }, spec)).toEqual(
      parseTableState({}, spec),
    );
    expect(parseTableState({ q: `  ${"é".repeat(1_000_000)}` }, spec).q).toBe("é".repeat(100));
  });

  it("rejects a sort with an unknown direction and fractional pages", () => {
    expect(parseTableState({ sort: "name.sideways", page: "2.5" }, spec)).toMatchObject({
      sort: { id: "createdAt", desc: true },
      page: 1,
    });
  });

  it("accepts repeated query keys as a list", () => {
    expect(parseTableState({ role: ["admin", "operator", "admin"] }, spec).filters).toEqual({
      role: ["admin", "operator"],
    });
  });

  it("takes any well-formed id for an id filter, lower-cased, and nothing else", () => {
    const withStore = defineTable({
      sortable: ["name"],
      defaultSort: { id: "name", desc: false },
      filters: { store: "id" },
    });
    const id = "6f1c2a4e-8a9b-4c3d-9e8f-0a1b2c3d4e5f";
    expect(parseTableState({ store: `${id.toUpperCase()},${id},not-an-id,${id}x` }, withStore).filters).toEqual({
      store: [id],
    });
    expect(parseTableState({ store: "'; drop table stores; --" }, withStore).filters).toEqual({});
  });
});

describe("serializeTableState", () => {
  it("round-trips and leaves out defaults", () => {
    const state = parseTableState({ page: "2", sort: "name.asc", status: "inactive", q: "b" }, spec);
    const query = serializeTableState(state, spec);
    expect(query.toString()).toBe("page=2&sort=name.asc&q=b&status=inactive");
    expect(parseTableState(Object.fromEntries(query), spec)).toEqual(state);
    expect(serializeTableState(parseTableState({}, spec), spec).toString()).toBe("");
  });

  it("keeps unrelated parameters such as the active tab", () => {
    const state = parseTableState({ page: "4" }, spec);
    const query = serializeTableState({ ...state, page: 1 }, spec, new URLSearchParams("tab=drafts&page=4"));
    expect(query.toString()).toBe("tab=drafts");
  });
});

describe("pageCount", () => {
  it("is at least one page", () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(21, 20)).toBe(2);
  });
});

describe("cleanTextParam", () => {
  it("cuts to the given length, control characters as spaces, an absent or repeated value handled", () => {
    expect(cleanTextParam("#1001\u0000\u0000x", 40)).toBe("#1001 x");
    expect(cleanTextParam("x".repeat(100), 40)).toHaveLength(40);
    expect(cleanTextParam(undefined)).toBe("");
    expect(cleanTextParam(["#1", "#2"])).toBe("#1");
  });
});
