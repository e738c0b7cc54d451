import "server-only";
// The one wrapper every authenticated server action goes through:
// session → role → parse of the FormData (the safe form-data parser, then the zod schema) →
// handler → typed, translated result (submitForm).
import { forbidden, unauthorized } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { formShape } from "@/domain/form-shape";
import type { Role } from "@/domain/users";
import { getDb } from "../db/client";
import { getCurrentUser, hasRole } from "./session";
import { submitForm, type ActionHandler, type ActionResult } from "./submit-form";

export type { ActionResult } from "./submit-form";

export function authedAction<S extends z.ZodType, T = undefined>(
  schema: S,
  options: { role: Role },
  handler: ActionHandler<S, T>,
) {
  // Read now, so a schema the form parser cannot follow fails when the module loads.
  formShape(schema);
  return async function action(_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> {
    const user = await getCurrentUser();
    if (!user) unauthorized();
    if (!hasRole(user, options.role)) forbidden();

    return submitForm(schema, formData.entries(), handler, { user, t: await getTranslations(), db: getDb });
  };
}
