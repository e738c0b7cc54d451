"use server";
import { revalidatePath } from "next/cache";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setActiveSchema } from "@/domain/users";
import { authedAction } from "@/server/auth/action";
import { restartSession } from "@/server/auth/start-session";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "@/server/services/users";

export const createUserAction = authedAction(createUserSchema, { role: "admin" }, async (input, { db, user, t }) => {
  const { user: created, generatedPassword } = await createUser(db, input, user);
  revalidatePath("/users");
  return {
    ok: true,
    data: { email: created.email, generatedPassword },
    message: t("users.created", { email: created.email }),
  };
});

export const changeRoleAction = authedAction(changeRoleSchema, { role: "admin" }, async (input, { db, user, t }) => {
  const updated = await changeUserRole(db, user, input.userId, input.role);
  revalidatePath("/users");
  return { ok: true, message: t("users.roleChanged", { name: updated.name, role: t(`roles.${updated.role}`) }) };
});

export const setActiveAction = authedAction(setActiveSchema, { role: "admin" }, async (input, { db, user, t }) => {
  const updated = await setUserActive(db, user, input.userId, input.active);
  revalidatePath("/users");
  return {
    ok: true,
    message: t(updated.active ? "users.reactivated" : "users.deactivated", { name: updated.name }),
  };
});

export const resetPasswordAction = authedAction(
  resetPasswordSchema,
  { role: "admin" },
  async (input, { db, user, t }) => {
    const { generatedPassword } = await resetUserPassword(db, user, input.userId, input.password);
    // A new password ends every session of its user; one's own is started again here, so that
    // changing it signs out one's other devices, not this one.
    if (input.userId === user.id) await restartSession(db, user.id);
    return { ok: true, data: { generatedPassword }, message: t("users.passwordReset") };
  },
);
