// Rules for user accounts, shared by the forms, the server actions and the CLI.
// Error messages are i18n keys (see src/i18n/messages), translated where they are shown.
import { z } from "zod";

import { LOCALES, ROLES, type Locale, type Role } from "./roles";

export { LOCALES, ROLES, type Locale, type Role };

const PASSWORD_MIN_LENGTH = 10;

export const emailSchema = z
  .string("errors.required")
  .trim()
  .min(1, "errors.required")
  .max(254, "errors.emailInvalid")
  .toLowerCase()
  .pipe(z.email("errors.emailInvalid"));

export const passwordSchema = z
  .string("errors.required")
  .min(PASSWORD_MIN_LENGTH, "errors.passwordTooShort")
  .max(200, "errors.passwordTooLong");

const roleSchema = z.enum(ROLES, "errors.roleInvalid");
export const localeSchema = z.enum(LOCALES, "errors.localeInvalid");

const nameSchema = z.string("errors.required").trim().min(1, "errors.required").max(100, "errors.nameTooLong");

/** Empty password field means "generate one for me". */
const optionalPasswordSchema = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(passwordSchema.optional());

export const createUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  password: optionalPasswordSchema,
});
export type CreateUserInput = z.output<typeof createUserSchema>;

const userIdSchema = z.uuid("errors.notFound");

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export const setActiveSchema = z.object({
  userId: userIdSchema,
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});
export const resetPasswordSchema = z.object({ userId: userIdSchema, password: optionalPasswordSchema });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "errors.required").max(200),
});

/**
 * Why an admin may not make a change to an account, or null when it is allowed.
 * An admin cannot lock themselves out, and the last active admin must stay one.
 */
export function accountChangeBlocked(
  change: { actorId: string; targetId: string; targetRole: Role; targetActive: boolean },
  next: { role?: Role; active?: boolean },
  activeAdminCount: number,
): "errors.cannotChangeOwnAccount" | "errors.lastAdmin" | null {
  const demotes = next.role !== undefined && next.role !== "admin";
  const deactivates = next.active === false;
  if (!demotes && !deactivates) return null;
  if (change.actorId === change.targetId) return "errors.cannotChangeOwnAccount";
  const isActiveAdmin = change.targetRole === "admin" && change.targetActive;
  if (isActiveAdmin && activeAdminCount <= 1) return "errors.lastAdmin";
  return null;
}

/** Picks the supported locale that best matches an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("pt")) return "pt-BR";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}
