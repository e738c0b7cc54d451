// Text from outside (Shopify orders, form fields) made storable: PostgreSQL refuses a NUL character
// in text and jsonb, and a lone UTF-16 surrogate in jsonb, so one such value would fail a whole
// import transaction. Control characters other than tab and newlines are removed, lone surrogates
// become U+FFFD.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const UNSTORABLE =
  // Control characters are what this pattern is for.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Any character UNSTORABLE can match, surrogates paired or not: nearly every string holds none, and
// this test is several times cheaper than the exact one, which only such a string needs.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uD800-\uDFFF]/;
const unstorable = (text: string) => SUSPECT.test(text) && UNSTORABLE.test(text);

export function cleanText(value: string): string {
  // Nearly every text holds nothing to clean: one cheap test instead of two replaces (an import
  // cleans every text of every order).
  if (!SUSPECT.test(value)) return value;
  return value.replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** Whether JSON data holds a string (or key) to clean, or a non-finite number. */
function needsCleaning(value: unknown): boolean {
  if (typeof value === "string") return unstorable(value);
  if (typeof value === "number") return !Number.isFinite(value);
  if (value === null || typeof value !== "object") return false;
  // Loops rather than some/entries: this walks every value of every imported order.
  if (Array.isArray(value)) {
    for (const item of value) if (needsCleaning(item)) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (unstorable(key) || needsCleaning((value as Record<string, unknown>)[key])) return true;
  }
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
