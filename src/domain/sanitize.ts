// Text from outside (Shopify orders, form fields) made storable: PostgreSQL refuses a NUL character
// in text and jsonb, and a lone UTF-16 surrogate in jsonb, so one such value would fail a whole
// import transaction. Control characters other than tab and newlines are removed, lone surrogates
// become U+FFFD.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string): string {
  return value.replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}

const UNSTORABLE =
  // Control characters are what this pattern is for.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether JSON data holds a string (or key) to clean, or a non-finite number. */
function needsCleaning(value: unknown): boolean {
  if (typeof value === "string") return UNSTORABLE.test(value);
  if (typeof value === "number") return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(needsCleaning);
  if (value && typeof value === "object")
    return Object.entries(value).some(([key, item]) => UNSTORABLE.test(key) || needsCleaning(item));
  return false;
}

/**
 * JSON data made storable: every string (keys included) cleaned, non-finite numbers null. Data that
 * needs nothing (nearly every order) is returned as it is, without a copy.
 */
export function cleanJson<T>(value: T): T {
  return needsCleaning(value) ? (copyClean(value) as T) : value;
}

function copyClean(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(copyClean);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty: a "__proto__" key stays plain data, never the object's prototype.
      Object.defineProperty(out, cleanText(key), {
        value: copyClean(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
