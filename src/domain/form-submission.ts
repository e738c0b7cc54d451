// A submitted form, parsed for a server action: the names through the safe form-data parser
// (form-data.ts), the values through the action's zod schema. The answer is bounded whatever was
// sent: at most MAX_FIELD_ERRORS field errors, and the values echoed back for the form's fields
// (React resets a form after its action) are cut to a few kilobytes, controls removed.
import type { z } from "zod";
import {
  isFrameworkField,
  isKnownFieldName,
  parseFormEntries,
  type FormEntry,
  type FormRefusalCode,
} from "./form-data";
import { formShape } from "./form-shape";
import { cleanText } from "./sanitize";

export const MAX_FIELD_ERRORS = 100;
export const MAX_ECHOED_VALUE_LENGTH = 2_000;
export const MAX_ECHOED_TOTAL_LENGTH = 100_000;
/** How much of an offending field name a message shows. */
const MAX_NAME_IN_MESSAGE = 60;

/** A message as an i18n key, with its values; translated by the caller. */
interface MessageKey {
  key: string;
  values?: Record<string, string>;
}

export type Submission<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | {
      ok: false;
      formError: MessageKey;
      /** Field name → i18n key. */
      fieldErrors: Record<string, string>;
      values: Record<string, string>;
    };

const REFUSAL_MESSAGES: Record<FormRefusalCode, string> = {
  forbiddenField: "errors.form.forbiddenField",
  unknownField: "errors.form.unknownField",
  tooManyFields: "errors.form.tooManyFields",
  tooDeep: "errors.form.tooDeep",
  indexOutOfRange: "errors.form.indexOutOfRange",
  listWithHoles: "errors.form.listWithHoles",
};

const VALUE_MESSAGES = { controlCharacters: "errors.controlCharacters", tooLong: "errors.tooLong" } as const;

/** A field name as a message may show it: printable, short. */
function displayName(name: string): string {
  const printable = cleanText(name);
  return printable.length > MAX_NAME_IN_MESSAGE ? `${printable.slice(0, MAX_NAME_IN_MESSAGE)}…` : printable;
}

/**
 * What the user typed in the form's own fields, to be shown again: passwords and secrets never, a field the
 * schema does not know never, each value cut and cleaned, the whole bounded.
 */
function echoedValues(entries: FormEntry[], knownName: (name: string) => boolean): Record<string, string> {
  const echoed: [string, string][] = [];
  let total = 0;
  for (const [name, value] of entries) {
    if (typeof value !== "string" || isFrameworkField(name) || /password|secret/i.test(name) || !knownName(name))
      continue;
    const shown = cleanText(value.slice(0, MAX_ECHOED_VALUE_LENGTH));
    total += name.length + shown.length;
    if (total > MAX_ECHOED_TOTAL_LENGTH) break;
    echoed.push([name, shown]);
  }
  return Object.fromEntries(echoed);
}

export function parseSubmission<S extends z.ZodType>(schema: S, entries: Iterable<FormEntry>): Submission<z.output<S>> {
  const list = [...entries];
  const shape = formShape(schema);
  const parsed = parseFormEntries(list, shape);
  const values = echoedValues(list, (name) => isKnownFieldName(name, shape));

  if (!parsed.ok) {
    if ("problems" in parsed) {
      const fieldErrors = Object.fromEntries(
        Object.entries(parsed.problems)
          .slice(0, MAX_FIELD_ERRORS)
          .map(([name, problem]) => [name, VALUE_MESSAGES[problem]]),
      );
      return { ok: false, formError: { key: "errors.fixFields" }, fieldErrors, values };
    }
    const formError: MessageKey = {
      key: REFUSAL_MESSAGES[parsed.refusal],
      values: { field: parsed.field === undefined ? "" : displayName(parsed.field) },
    };
    return { ok: false, formError, fieldErrors: {}, values };
  }

  const result = schema.safeParse(parsed.data);
  if (result.success) return { ok: true, data: result.data, values };
  // The first problem of each field, in order, and no more than MAX_FIELD_ERRORS of them.
  const fieldErrors = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "_form";
    if (fieldErrors.has(field)) continue;
    if (fieldErrors.size === MAX_FIELD_ERRORS) break;
    fieldErrors.set(field, issue.message);
  }
  return { ok: false, formError: { key: "errors.fixFields" }, fieldErrors: Object.fromEntries(fieldErrors), values };
}
