// Bulk operation results as JSONL: one line per object. The top-level connection's nodes come
// first-level; the nodes of nested connections follow as their own lines carrying
// `__parentId`, the id of the object they belong to (Shopify's layout with groupObjects: false).
// Also the published limit on how many bulk queries may run at once.

/**
 * How many bulk query operations an app may run at once on a shop: up to five from API version
 * 2026-01 (https://shopify.dev/api/usage/bulk-operations/queries), one in earlier versions.
 * `unstable` is newer than every dated version.
 */
export function bulkQueryConcurrency(apiVersion: string): number {
  return apiVersion === "unstable" || apiVersion >= "2026-01" ? 5 : 1;
}

/**
 * Shopify's refusal of one bulk query too many: a user error (the mutation itself succeeds),
 * naming the operations still in progress — with one, Shopify answers "…already in progress:
 * gid://shopify/BulkOperation/<id>.".
 */
export function operationInProgressError(runningIds: string[]) {
  return {
    field: null,
    message: `A bulk query operation for this app and shop is already in progress: ${runningIds.join(", ")}.`,
    code: "OPERATION_IN_PROGRESS",
  };
}

type Json = Record<string, unknown>;
type Deferred = { item: Json; parent: string | null };

function connectionItems(value: unknown): unknown[] | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as { edges?: { node?: unknown }[]; nodes?: unknown[] };
  if (Array.isArray(record.nodes)) return record.nodes;
  if (Array.isArray(record.edges)) return record.edges.map((edge) => edge.node);
  return null;
}

export interface FlattenResult {
  jsonl: string;
  objectCount: number;
  rootObjectCount: number;
}

export function flattenToJsonl(data: Json, groupObjects = false): FlattenResult {
  const lines: string[] = [];
  let objectCount = 0;
  let rootObjectCount = 0;

  // Emits one object and returns the lines of its nested connections, so that with
  // groupObjects children follow their parent directly, and without it they come after.
  function emit(node: Json, parentId: string | null): Deferred[] {
    const own: Json = {};
    const children: { items: unknown[] }[] = [];
    for (const [key, value] of Object.entries(node)) {
      const items = connectionItems(value);
      if (items) children.push({ items });
      else own[key] = value;
    }
    if (parentId) own.__parentId = parentId;
    lines.push(JSON.stringify(own));
    objectCount++;
    const deferred: Deferred[] = [];
    const id = typeof node.id === "string" ? node.id : null;
    for (const child of children) {
      for (const item of child.items) {
        if (!item || typeof item !== "object") continue;
        if (groupObjects) emit(item as Json, id);
        else deferred.push({ item: item as Json, parent: id });
      }
    }
    return deferred;
  }

  const pending: Deferred[] = [];
  for (const value of Object.values(data)) {
    const items = connectionItems(value);
    if (!items) continue;
    for (const item of items) {
      if (!item || typeof item !== "object") continue;
      rootObjectCount++;
      pending.push(...emit(item as Json, null));
    }
  }
  // Children after all roots, each still before its own grandchildren.
  while (pending.length > 0) {
    const batch = pending.splice(0, pending.length);
    for (const { item, parent } of batch) pending.push(...emit(item, parent));
  }
  return { jsonl: lines.length ? `${lines.join("\n")}\n` : "", objectCount, rootObjectCount };
}
