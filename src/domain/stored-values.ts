// Comparing a value about to be written with what the database holds. jsonb does not keep key
// order and numeric columns come back with their scale ("9.90"), so a plain JSON.stringify would
// see changes everywhere — and mark every field of a draft as edited by the operator.
/** JSON with sorted keys: jsonb does not keep key order, so a plain stringify would see changes everywhere. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      // An absent key and a null one mean the same here ({ heightCm: null } = {}).
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether a stored value equals a freshly mapped one (decimals compared as numbers: "9.9" = "9.90"). */
export function sameStoredValue(fresh: unknown, stored: unknown): boolean {
  if (
    typeof fresh === "string" &&
    typeof stored === "string" &&
    /^-?\d+(\.\d+)?$/.test(fresh) &&
    /^-?\d+(\.\d+)?$/.test(stored)
  ) {
    return Number(fresh) === Number(stored);
  }
  return canonical(fresh) === canonical(stored);
}
