import "server-only";
import { eq, sql } from "drizzle-orm";
import { accountChangeBlocked, type CreateUserInput, type Locale, type Role } from "@/domain/users";
import type { LabelFormat } from "@/domain/statuses";
import type { Db } from "../db/client";
import { users, type User } from "../db/schema";
import { AppError } from "../errors";
import { generatePassword, hashPassword } from "../auth/password";
import { recordAudit } from "../queries/audit";
import { countActiveAdmins, findUserByEmail, findUserById } from "../queries/users";

/** Bumping a user's session version ends every session issued before (see auth/session-user.ts). */
const nextSessionVersion = sql`${users.sessionVersion} + 1`;

export interface Actor {
  id: string;
}

function isUniqueViolation(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } })?.code ??
    (error as { cause?: { code?: string } })?.cause?.code;
  return code === "23505";
}

/** Creates an account. Returns the password when it was generated, so it can be shown once. */
export async function createUser(
  db: Db,
  input: CreateUserInput,
  actor: Actor | null,
): Promise<{ user: User; generatedPassword?: string }> {
  if (await findUserByEmail(db, input.email)) throw new AppError("errors.emailTaken", "email");
  const generatedPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  try {
    const user = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, passwordHash })
        .returning();
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        action: "user.created",
        entityType: "user",
        entityId: created.id,
        after: { email: created.email, name: created.name, role: created.role },
      });
      return created;
    });
    return { user, generatedPassword };
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError("errors.emailTaken", "email");
    throw error;
  }
}

async function loadTarget(db: Db, userId: string): Promise<User> {
  const target = await findUserById(db, userId);
  if (!target) throw new AppError("errors.notFound");
  return target;
}

async function guardAccountChange(db: Db, actor: Actor, target: User, next: { role?: Role; active?: boolean }) {
  const blocked = accountChangeBlocked(
    { actorId: actor.id, targetId: target.id, targetRole: target.role, targetActive: target.active },
    next,
    await countActiveAdmins(db),
  );
  if (blocked) throw new AppError(blocked);
}

export async function changeUserRole(db: Db, actor: Actor, userId: string, role: Role): Promise<User> {
  const target = await loadTarget(db, userId);
  if (target.role === role) return target;
  await guardAccountChange(db, actor, target, { role });
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ role, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.role_changed",
      entityType: "user",
      entityId: userId,
      before: { role: target.role },
      after: { role },
    });
    return updated;
  });
}

export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean): Promise<User> {
  const target = await loadTarget(db, userId);
  if (target.active === active) return target;
  await guardAccountChange(db, actor, target, { active });
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      // Both ways end every session: a deactivated user's, and any a reactivation would revive.
      .set({ active, sessionVersion: nextSessionVersion, updatedAt: sql`now()` })
      .where(eq(users.id, userId))
      .returning();
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "user.reactivated" : "user.deactivated",
      entityType: "user",
      entityId: userId,
      before: { active: target.active },
      after: { active },
    });
    return updated;
  });
}

export async function resetUserPassword(
  db: Db,
  actor: Actor | null,
  userId: string,
  password?: string,
): Promise<{ generatedPassword?: string }> {
  await loadTarget(db, userId);
  const generatedPassword = password ? undefined : generatePassword();
  const passwordHash = await hashPassword(password ?? generatedPassword!);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      // A new password ends every session signed in with the old one.
      .set({ passwordHash, sessionVersion: nextSessionVersion, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: "user.password_reset",
      entityType: "user",
      entityId: userId,
    });
  });
  return { generatedPassword };
}

export async function setUserLocale(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function setUserLabelFormat(db: Db, userId: string, labelFormat: LabelFormat): Promise<void> {
  await db
    .update(users)
    .set({ labelFormat, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}
