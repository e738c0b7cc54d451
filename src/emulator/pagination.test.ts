import { describe, expect, it } from "vitest";
import { InvalidCursorError, decodeCursor, encodeCursor, paginate } from "./pagination";

const items = Array.from({ length: 7 }, (_, i) => ({ id: i + 1, at: `2026-10-0${i + 1}` }));
const key = (item: { id: number; at: string }): [string, number] => [item.at, item.id];
const page = (args: Parameters<typeof paginate>[1], reverse = false) =>
  paginate(reverse ? [...items].reverse() : items, args, key, (item) => item.id, { reverse });

describe("cursor pagination", () => {
  it("walks forward with first/after", () => {
    const one = page({ first: 3 });
    expect(one.nodes).toEqual([1, 2, 3]);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = page({ first: 3, after: one.pageInfo.endCursor });
    expect(two.nodes).toEqual([4, 5, 6]);
    const three = page({ first: 3, after: two.pageInfo.endCursor });
    expect(three.nodes).toEqual([7]);
    expect(three.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it("walks backward with last/before", () => {
    const last = page({ last: 2 });
    expect(last.nodes).toEqual([6, 7]);
    expect(page({ last: 2, before: last.pageInfo.startCursor }).nodes).toEqual([4, 5]);
  });

  it("keeps its place when earlier items change (cursor encodes sort value and id)", () => {
    const first = page({ first: 2 });
    const changed = [{ id: 1, at: "2026-10-09" }, ...items.slice(1)].sort((a, b) => (a.at < b.at ? -1 : 1));
    const next = paginate(changed, { first: 2, after: first.pageInfo.endCursor }, key, (item) => item.id);
    expect(next.nodes).toEqual([3, 4]);
  });

  it("pages in reverse order", () => {
    expect(page({ first: 3 }, true).nodes).toEqual([7, 6, 5]);
    const after = page({ first: 3 }, true).pageInfo.endCursor;
    expect(page({ first: 3, after }, true).nodes).toEqual([4, 3, 2]);
  });

  it("stops at the pagination cap", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: i, at: String(i).padStart(3, "0") }));
    const capped = paginate(many, { first: 50 }, key, (item) => item.id, { cap: 25 });
    expect(capped.nodes).toHaveLength(25);
    expect(capped.pageInfo.hasNextPage).toBe(false);
  });

  it("round-trips cursors and rejects garbage", () => {
    expect(decodeCursor(encodeCursor(["2026-10-01", 5]))).toEqual(["2026-10-01", 5]);
    expect(() => decodeCursor("not-a-cursor")).toThrow(InvalidCursorError);
  });
});
