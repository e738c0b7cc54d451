import "server-only";
// The one wrapper every authenticated server action goes through:
// session → role → zod parse of the FormData → handler → typed, translated result.
import { forbidden, unauthorized, unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Role } from "@/domain/users";
import { getDb, type Db } from "../db/client";
import { AppError } from "../errors";
import { getCurrentUser, hasRole, type CurrentUser } from "./session";

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | {
      ok: false;
      formError?: string;
      fieldErrors?: Record<string, string>;
      /** What was submitted (passwords left out), for the form's default values after React resets it. */
      values?: Record<string, string>;
    };

export interface ActionContext {
  user: CurrentUser;
  db: Db;
  t: Awaited<ReturnType<typeof getTranslations>>;
}

/**
 * What the user typed, echoed back on failure: React resets a form after its action, and the
 * fields take these as their default values. Passwords are never echoed.
 */
function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/** FormData → plain object; repeated keys become arrays, Next's internal `$ACTION_*` keys are dropped. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (key in result) {
      const existing = result[key];
      result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    } else {
      result[key] = value;
    }
  }
  return result;
}

export function authedAction<S extends z.ZodType, T = undefined>(
  schema: S,
  options: { role: Role },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
) {
  return async function action(_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> {
    const user = await getCurrentUser();
    if (!user) unauthorized();
    if (!hasRole(user, options.role)) forbidden();

    const t = await getTranslations();
    const translate = (key: string, values?: Record<string, string | number>) =>
      t.has(key) ? t(key, values) : t("errors.invalid");

    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.join(".") || "_form";
        fieldErrors[field] ??= translate(issue.message);
      }
      return { ok: false, formError: t("errors.fixFields"), fieldErrors, values: submittedValues(formData) };
    }

    try {
      return await handler(parsed.data, { user, db: await getDb(), t });
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        const message = translate(error.code, error.values);
        const values = submittedValues(formData);
        return error.field
          ? { ok: false, formError: t("errors.fixFields"), fieldErrors: { [error.field]: message }, values }
          : { ok: false, formError: message, values };
      }
      console.error("[action] unexpected error", error);
      return { ok: false, formError: t("errors.unexpected"), values: submittedValues(formData) };
    }
  };
}
