// The one parser of submitted form data, used by every server action (through authedAction).
// Flat field names become nested data: "recipient.name" → { recipient: { name } },
// "items.0.quantity" → { items: [{ quantity }] }, a repeated "ids" → an array of strings.
//
// The names come from the client, so nothing is built from a name the form's schema does not
// know (form-shape.ts). A submission is refused whole, before anything is built, when it has
// a field named __proto__, constructor or prototype anywhere in a path, a field the schema does not
// know, an index beyond the schema's list limit or a list with holes, more fields or deeper paths
// than any form has. Objects are built without a prototype, so no name can reach Object.prototype.
import type { FormShape } from "./form-shape";

export const FORM_LIMITS = {
  /** Fields in one submission: Edit Draft at its 500 lines has about 3,500. */
  maxFields: 5_000,
  /** Segments in one field name ("items.0.quantity" has 3). */
  maxDepth: 6,
  /** Characters in one field name. */
  maxNameLength: 200,
  /** Characters in one value; every field's own limit is far lower. */
  maxValueLength: 20_000,
} as const;

/** Path segments that would reach an object's prototype; refused wherever they appear. */
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/** An index without leading zeros ("01" would alias "1"). */
const INDEX = /^(0|[1-9]\d{0,8})$/;

/** NUL and the other control characters a form has no business sending (tab and newlines are fine). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export type FormRefusalCode =
  "forbiddenField" | "unknownField" | "tooManyFields" | "tooDeep" | "indexOutOfRange" | "listWithHoles";

type FormValueProblem = "controlCharacters" | "tooLong";

export type ParsedForm =
  | { ok: true; data: Record<string, unknown> }
  /** The submission as a whole is refused: `field` is the offending name (as sent, for the message). */
  | { ok: false; refusal: FormRefusalCode; field?: string }
  /** Every name is fine, but some values are not (`problems` by field name). */
  | { ok: false; problems: Record<string, FormValueProblem> };

export type FormEntry = [name: string, value: unknown];

/** Next's own fields for server actions ($ACTION_ID_…, $ACTION_REF_…), never the form's. */
export function isFrameworkField(name: string): boolean {
  return name.startsWith("$ACTION");
}

/** One segment of an accepted name and what holds it: an object (or record) or a list. */
interface Step {
  segment: string;
  in: "object" | "list";
}

/** Where a field name leads in the shape, or why it is refused. */
function resolvePath(
  name: string,
  shape: FormShape,
): { ok: true; steps: Step[]; leaf: FormShape } | { ok: false; refusal: FormRefusalCode } {
  if (name.length > FORM_LIMITS.maxNameLength) return { ok: false, refusal: "unknownField" };
  const segments = name.split(".");
  if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) return { ok: false, refusal: "forbiddenField" };
  if (segments.length > FORM_LIMITS.maxDepth) return { ok: false, refusal: "tooDeep" };
  const steps: Step[] = [];
  let node = shape;
  for (const segment of segments) {
    if (node.kind === "object") {
      const field = node.fields.get(segment);
      if (!field) return { ok: false, refusal: "unknownField" };
      steps.push({ segment, in: "object" });
      node = field;
    } else if (node.kind === "record") {
      if (segment === "" || (node.keys && !node.keys.has(segment))) return { ok: false, refusal: "unknownField" };
      steps.push({ segment, in: "object" });
      node = node.value;
    } else if (node.kind === "list") {
      if (!INDEX.test(segment)) return { ok: false, refusal: "unknownField" };
      if (Number(segment) >= node.maxItems) return { ok: false, refusal: "indexOutOfRange" };
      steps.push({ segment, in: "list" });
      node = node.item;
    } else {
      return { ok: false, refusal: "unknownField" };
    }
  }
  // A name must end on a value, or on a list of values (a repeated field).
  const endsOnValue = node.kind === "value" || (node.kind === "list" && node.item.kind === "value");
  return endsOnValue ? { ok: true, steps, leaf: node } : { ok: false, refusal: "unknownField" };
}

/** Whether the form's shape has a field of this name (a name the parser would accept). */
export function isKnownFieldName(name: string, shape: FormShape): boolean {
  return resolvePath(name, shape).ok;
}

function valueProblem(value: unknown): FormValueProblem | null {
  if (typeof value !== "string") return null;
  if (value.length > FORM_LIMITS.maxValueLength) return "tooLong";
  return CONTROL_CHARACTERS.test(value) ? "controlCharacters" : null;
}

/** Parses submitted entries (FormData.entries(), or pairs) against the form's shape. Never throws. */
export function parseFormEntries(entries: Iterable<FormEntry>, shape: FormShape): ParsedForm {
  const accepted: { steps: Step[]; leaf: FormShape; value: unknown }[] = [];
  const problems: Record<string, FormValueProblem> = Object.create(null);
  let problemCount = 0;
  for (const [name, value] of entries) {
    if (isFrameworkField(name)) continue;
    if (accepted.length >= FORM_LIMITS.maxFields) return { ok: false, refusal: "tooManyFields" };
    const path = resolvePath(name, shape);
    if (!path.ok) return { ok: false, refusal: path.refusal, field: name };
    const problem = valueProblem(value);
    if (problem) {
      if (!(name in problems)) problemCount += 1;
      problems[name] = problem;
    }
    accepted.push({ ...path, value });
  }
  if (problemCount > 0) return { ok: false, problems: { ...problems } };

  const root: Record<string, unknown> = Object.create(null);
  for (const { steps, leaf, value } of accepted) place(root, steps, leaf, value);
  const holes = findListWithHoles(root, "");
  if (holes !== null) return { ok: false, refusal: "listWithHoles", field: holes };
  return { ok: true, data: root };
}

/** Puts one value at its path, creating prototype-less objects and arrays on the way. */
function place(root: Record<string, unknown>, steps: Step[], leaf: FormShape, value: unknown) {
  let node = root;
  steps.forEach((step, index) => {
    const existing = node[step.segment];
    const next = steps[index + 1];
    if (!next) {
      // A repeated field keeps all its values, in order (the schema decides whether it takes a list).
      if (Array.isArray(existing)) existing.push(value);
      else if (leaf.kind === "list") node[step.segment] = [value];
      else node[step.segment] = existing === undefined ? value : [existing, value];
      return;
    }
    if (existing === null || typeof existing !== "object") {
      node[step.segment] = next.in === "list" ? [] : Object.create(null);
    }
    // Arrays are indexed with their numeric segments only, so they are written like objects.
    node = node[step.segment] as Record<string, unknown>;
  });
}

/** The first list (by path) with a missing index, or null. */
function findListWithHoles(node: unknown, path: string): string | null {
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index += 1) {
      if (!(index in node)) return `${path}.${index}`;
      const inner = findListWithHoles(node[index], `${path}.${index}`);
      if (inner !== null) return inner;
    }
    return null;
  }
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      const inner = findListWithHoles(value, path ? `${path}.${key}` : key);
      if (inner !== null) return inner;
    }
  }
  return null;
}
