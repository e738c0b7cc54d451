// Shopify's search syntax for the `query:` argument of `orders`: terms `field:value` with the
// comparators :> :>= :< :<=, implicit AND, `OR` between groups, `-term`/`NOT term` to negate,
// and quoted values ('…' or "…"), e.g. `updated_at:>'2026-01-01T00:00:00Z' status:open`.
import type { EmuOrder } from "./model";

type Comparator = ":" | ":>" | ":>=" | ":<" | ":<=";

interface SearchTerm {
  field: string | null;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

/** Disjunction of conjunctions: [[a, b], [c]] means (a AND b) OR c. */
export type SearchQuery = SearchTerm[][];

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const char of query) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function parseTerm(token: string, negated: boolean): SearchTerm {
  if (token.startsWith("-") && token.length > 1) return parseTerm(token.slice(1), !negated);
  const match = /^([a-z_]+)(:>=|:<=|:>|:<|:)(.*)$/i.exec(token);
  if (!match) return { field: null, comparator: ":", value: token, negated };
  return { field: match[1].toLowerCase(), comparator: match[2] as Comparator, value: match[3], negated };
}

export function parseSearchQuery(query: string | null | undefined): SearchQuery {
  if (!query || !query.trim()) return [];
  const groups: SearchTerm[][] = [[]];
  let negateNext = false;
  for (const token of tokenize(query)) {
    if (token === "AND") continue;
    if (token === "OR") {
      groups.push([]);
      continue;
    }
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    groups[groups.length - 1].push(parseTerm(token, negateNext));
    negateNext = false;
  }
  return groups.filter((group) => group.length > 0);
}

function compare(actual: number, comparator: Comparator, expected: number): boolean {
  switch (comparator) {
    case ":":
      return actual === expected;
    case ":>":
      return actual > expected;
    case ":>=":
      return actual >= expected;
    case ":<":
      return actual < expected;
    case ":<=":
      return actual <= expected;
  }
}

/** A date value as Shopify reads it: full timestamps, or a bare date meaning its start (UTC). */
function parseSearchDate(value: string): number | null {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? null : time;
}

const FULFILLMENT_FILTERS: Record<string, EmuOrder["fulfillmentStatus"][]> = {
  shipped: ["FULFILLED"],
  fulfilled: ["FULFILLED"],
  unshipped: ["UNFULFILLED"],
  unfulfilled: ["UNFULFILLED", "PARTIALLY_FULFILLED"],
  partial: ["PARTIALLY_FULFILLED"],
  on_hold: ["ON_HOLD"],
  scheduled: ["OPEN"],
};

/** Whether one term holds for an order. Unknown fields match everything, as Shopify ignores them. */
function termMatches(term: SearchTerm, order: EmuOrder): boolean {
  const value = term.value.toLowerCase();
  switch (term.field) {
    case "updated_at":
    case "created_at":
    case "processed_at": {
      const expected = parseSearchDate(term.value);
      if (expected === null) return true;
      const field =
        term.field === "updated_at"
          ? order.updatedAt
          : term.field === "created_at"
            ? order.createdAt
            : order.processedAt;
      return compare(Date.parse(field), term.comparator, expected);
    }
    case "status":
      if (value === "open") return !order.closedAt && !order.cancelledAt;
      if (value === "closed") return !!order.closedAt;
      if (value === "cancelled") return !!order.cancelledAt;
      if (value === "not_closed") return !order.closedAt;
      return true; // "any"
    case "financial_status":
      return order.financialStatus.toLowerCase() === value;
    case "fulfillment_status": {
      const allowed = FULFILLMENT_FILTERS[value];
      return allowed ? allowed.includes(order.fulfillmentStatus) : true;
    }
    case "test":
      return order.test === (value === "true");
    case "name":
      return order.name.replace(/^#/, "") === value.replace(/^#/, "");
    case "id":
      return compare(order.id, term.comparator, Number(term.value.replace(/^gid:\/\/shopify\/Order\//, "")));
    case "email":
      return (order.email ?? "").toLowerCase() === value;
    case null:
      return (
        order.name.toLowerCase().includes(value) ||
        (order.email ?? "").toLowerCase().includes(value) ||
        (order.shippingAddress?.name ?? "").toLowerCase().includes(value)
      );
    default:
      return true;
  }
}

export function matchesSearch(query: SearchQuery, order: EmuOrder): boolean {
  if (query.length === 0) return true;
  return query.some((group) => group.every((term) => termMatches(term, order) !== term.negated));
}
