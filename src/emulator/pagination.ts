// Relay connections the way Shopify pages them: opaque cursors that encode the sort value and
// id of an item (so a page boundary survives edits to other items), first/after and
// last/before, and a cap of 25,000 reachable objects per query.
const PAGINATION_CAP = 25_000;

export type SortKey = string | number;

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export class InvalidCursorError extends Error {}

export function encodeCursor(key: [SortKey, number]): string {
  return Buffer.from(JSON.stringify({ last_id: key[1], last_value: key[0] })).toString("base64url");
}

export function decodeCursor(cursor: string): [SortKey, number] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      last_id: number;
      last_value: SortKey;
    };
    if (typeof parsed.last_id !== "number") throw new Error("bad cursor");
    return [parsed.last_value, parsed.last_id];
  } catch {
    throw new InvalidCursorError(`Invalid cursor for current pagination sort.`);
  }
}

function compareKeys(a: [SortKey, number], b: [SortKey, number]): number {
  if (a[0] < b[0]) return -1;
  if (a[0] > b[0]) return 1;
  return a[1] - b[1];
}

/**
 * Pages `items`, already filtered and sorted ascending by `keyOf` (reverse = descending).
 * `first`/`last` of null or undefined means "everything" (bulk operations only).
 */
export function paginate<TItem, TNode>(
  items: TItem[],
  args: PageArgs,
  keyOf: (item: TItem) => [SortKey, number],
  toNode: (item: TItem) => TNode,
  options: { reverse?: boolean; cap?: number } = {},
): Connection<TNode> {
  const direction = options.reverse ? -1 : 1;
  const ordered = items.slice(0, options.cap ?? PAGINATION_CAP);
  let start = 0;
  let end = ordered.length;
  if (args.after) {
    const cursor = decodeCursor(args.after);
    while (start < end && direction * compareKeys(keyOf(ordered[start]), cursor) <= 0) start++;
  }
  if (args.before) {
    const cursor = decodeCursor(args.before);
    while (end > start && direction * compareKeys(keyOf(ordered[end - 1]), cursor) >= 0) end--;
  }
  let windowStart = start;
  let windowEnd = end;
  if (args.first != null) windowEnd = Math.min(end, start + Math.max(0, args.first));
  if (args.last != null) windowStart = Math.max(windowStart, windowEnd - Math.max(0, args.last));
  const page = ordered.slice(windowStart, windowEnd);
  const edges = page.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: windowEnd < end || (args.before ? end < ordered.length : false),
      hasPreviousPage: windowStart > start || (args.after ? start > 0 : false),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
