import "server-only";
// What authedAction does once the user may act: the submitted form parsed (parseSubmission: the
// safe form-data parser, then the action's zod schema), the handler run, and every outcome turned
// into a typed, translated result. Kept apart from the session so that tests can run it against
// a real database without Next's request context.
import { unstable_rethrow } from "next/navigation";
import type { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { FormEntry } from "@/domain/form-data";
import { translateOr } from "@/i18n/message-keys";
import { parseSubmission } from "@/domain/form-submission";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { CurrentUser } from "./session";

import type { ActionResult } from "@/lib/action-result";

export type { ActionResult };

export type Translator = Awaited<ReturnType<typeof getTranslations<never>>>;

interface ActionContext {
  user: CurrentUser;
  db: Db;
  t: Translator;
}

export type ActionHandler<S extends z.ZodType, T> = (
  input: z.output<S>,
  ctx: ActionContext,
) => Promise<ActionResult<T>>;

export async function submitForm<S extends z.ZodType, T>(
  schema: S,
  entries: Iterable<FormEntry>,
  handler: ActionHandler<S, T>,
  context: { user: CurrentUser; t: Translator; db: () => Promise<Db> },
): Promise<ActionResult<T>> {
  const { user, t } = context;
  const translate = (key: string, values?: Record<string, string | number>) =>
    translateOr(t, key, t("errors.invalid"), values);

  const submission = parseSubmission(schema, entries);
  const { values } = submission;
  if (!submission.ok) {
    const fieldErrors = Object.fromEntries(
      Object.entries(submission.fieldErrors).map(([field, key]) => [field, translate(key)]),
    );
    return {
      ok: false,
      formError: translate(submission.formError.key, submission.formError.values),
      fieldErrors,
      values,
    };
  }

  try {
    return await handler(submission.data, { user, db: await context.db(), t });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      const message = translate(error.code, error.values);
      return error.field
        ? { ok: false, formError: t("errors.fixFields"), fieldErrors: { [error.field]: message }, values }
        : { ok: false, formError: message, values };
    }
    console.error("[action] unexpected error", error);
    return { ok: false, formError: t("errors.unexpected"), values };
  }
}
