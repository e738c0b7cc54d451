// The field names a form schema knows, read from the zod schema itself so the form-data parser
// (form-data.ts) can accept exactly those paths and nothing else: "recipient.name",
// "items.3.quantity", "zones.europe.basePrice", a repeated "ids". Anything the parser does not
// find here is refused before a single object is built from it.
import type { z } from "zod";

/** A list (array) whose schema gives no maximum holds at most this many entries. */
const DEFAULT_MAX_LIST_ITEMS = 100;

export type FormShape =
  /** One value: a string (a repeated field becomes an array of strings). */
  | { kind: "value" }
  /** Named fields; nothing else is accepted. */
  | { kind: "object"; fields: ReadonlyMap<string, FormShape> }
  /** A record: its keys are the enum's values, or any name when `keys` is null. */
  | { kind: "record"; keys: ReadonlySet<string> | null; value: FormShape }
  /** Indexed entries 0 … maxItems − 1. */
  | { kind: "list"; item: FormShape; maxItems: number };

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Types that parse one submitted value (a string, coerced or checked). */
const VALUE_TYPES = new Set([
  "string",
  "number",
  "bigint",
  "boolean",
  "date",
  "enum",
  "literal",
  "template_literal",
  "any",
  "unknown",
  "custom",
  "file",
]);

/** Wrappers that accept what their inner schema accepts. */
const WRAPPER_TYPES = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

const shapes = new WeakMap<z.ZodType, FormShape>();

/**
 * The shape of the form data `schema` accepts. Throws for a schema it cannot read (a lazy or
 * recursive schema, a union of objects): every action's schema is read when its module loads,
 * so such a schema fails at once, not on a request.
 */
export function formShape(schema: z.ZodType): FormShape {
  let shape = shapes.get(schema);
  if (!shape) {
    shape = readShape(schema);
    shapes.set(schema, shape);
  }
  return shape;
}

function readShape(schema: z.ZodType): FormShape {
  const def = defOf(schema);
  if (VALUE_TYPES.has(def.type)) return { kind: "value" };
  if (WRAPPER_TYPES.has(def.type)) return readShape(def.innerType!);
  switch (def.type) {
    case "pipe":
      // z.preprocess(fn, schema) is transform → schema: the form reaches `schema`. For
      // schema.transform(…) or schema.pipe(…) the form reaches the first schema.
      return defOf(def.in!).type === "transform" ? readShape(def.out!) : readShape(def.in!);
    case "object":
      return {
        kind: "object",
        fields: new Map(Object.entries(def.shape!).map(([name, field]) => [name, readShape(field)])),
      };
    case "record":
      return { kind: "record", keys: recordKeys(def.keyType!), value: readShape(def.valueType!) };
    case "array":
      return { kind: "list", item: readShape(def.element!), maxItems: maxLength(def) ?? DEFAULT_MAX_LIST_ITEMS };
    case "union": {
      // A value or a list of values ("ids" sent once or repeated) is one value to the parser.
      const options = def.options!.map(readShape);
      if (
        options.every((option) => option.kind === "value" || (option.kind === "list" && option.item.kind === "value"))
      )
        return { kind: "value" };
      throw new Error(`formShape: a union of ${options.map((option) => option.kind).join(", ")} is not supported`);
    }
    default:
      throw new Error(`formShape: zod type "${def.type}" is not supported`);
  }
}

function recordKeys(keyType: z.ZodType): ReadonlySet<string> | null {
  const def = defOf(keyType);
  if (def.type === "enum") return new Set(Object.values(def.entries!).map(String));
  if (def.type === "string") return null;
  throw new Error(`formShape: record keys of type "${def.type}" are not supported`);
}

function maxLength(def: Def): number | undefined {
  const limits = (def.checks ?? [])
    .map((check) => check._zod.def)
    .filter((check) => check.check === "max_length" && check.maximum !== undefined)
    .map((check) => check.maximum!);
  return limits.length > 0 ? Math.min(...limits) : undefined;
}
