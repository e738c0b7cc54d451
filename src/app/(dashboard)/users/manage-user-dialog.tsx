"use client";
import { Settings2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { ROLES } from "@/domain/roles";
import type { ActionResult } from "@/server/auth/action";
import type { UserRow } from "@/server/queries/users";
import { changeRoleAction, resetPasswordAction, setActiveAction } from "./actions";
import { OneTimePassword } from "./one-time-password";

function Outcome({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  if (state.ok) return state.message ? <Alert tone="success">{state.message}</Alert> : null;
  const message = state.formError ?? Object.values(state.fieldErrors ?? {})[0];
  return message ? <Alert tone="error">{message}</Alert> : null;
}

/**
 * One dialog for the whole table, rendered outside it: the table's cells are re-created when
 * the page refreshes after a save, and a dialog inside a cell would close with them.
 */
export function ManageUserDialog({
  user,
  isSelf,
  onClose,
}: {
  user: UserRow | undefined;
  isSelf: boolean;
  onClose: () => void;
}) {
  const common = useTranslations();
  const t = useTranslations("users");
  return (
    <Dialog
      open={!!user}
      onClose={onClose}
      title={user?.name ?? ""}
      description={user?.email}
      closeLabel={common("common.close")}
    >
      {user ? (
        <div className="space-y-6 text-left">
          <RoleForm user={user} disabled={isSelf} />
          <ActiveForm user={user} disabled={isSelf} />
          <PasswordForm user={user} />
          {isSelf ? <p className="text-xs text-slate-500">{t("selfNote")}</p> : null}
        </div>
      ) : null}
    </Dialog>
  );
}

export function ManageUserButton({ user, onClick }: { user: UserRow; onClick: () => void }) {
  const t = useTranslations("users");
  return (
    <Button variant="ghost" size="sm" aria-label={t("manageUser", { name: user.name })} onClick={onClick}>
      <Settings2 className="size-4" aria-hidden />
      {t("manage")}
    </Button>
  );
}

function RoleForm({ user, disabled }: { user: UserRow; disabled: boolean }) {
  const t = useTranslations("users");
  const common = useTranslations();
  const [state, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={user.id} />
      <Outcome state={state} />
      <Field id={`role-${user.id}`} label={t("fields.role")}>
        <div className="flex gap-2">
          <Select id={`role-${user.id}`} name="role" defaultValue={user.role} disabled={disabled}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {common(`roles.${role}`)}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary" disabled={disabled || pending}>
            {t("changeRole")}
          </Button>
        </div>
      </Field>
    </form>
  );
}

function ActiveForm({ user, disabled }: { user: UserRow; disabled: boolean }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState(setActiveAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
      <Outcome state={state} />
      <div className="flex items-center justify-between gap-4 rounded-md border border-slate-200 p-3">
        <p className="text-sm text-slate-600">{user.active ? t("deactivateHint") : t("reactivateHint")}</p>
        <Button type="submit" variant={user.active ? "danger" : "secondary"} disabled={disabled || pending}>
          {user.active ? t("deactivate") : t("reactivate")}
        </Button>
      </div>
    </form>
  );
}

function PasswordForm({ user }: { user: UserRow }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState(resetPasswordAction, null);
  const error = state?.ok === false ? state.fieldErrors?.password : undefined;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={user.id} />
      {state?.ok === false && !error ? <Outcome state={state} /> : null}
      {state?.ok ? <Outcome state={state} /> : null}
      {state?.ok && state.data?.generatedPassword ? <OneTimePassword password={state.data.generatedPassword} /> : null}
      <Field id={`password-${user.id}`} label={t("fields.newPassword")} error={error} hint={t("passwordHint")}>
        <div className="flex gap-2">
          <Input
            id={`password-${user.id}`}
            name="password"
            type="password"
            autoComplete="new-password"
            invalid={!!error}
          />
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("resetPassword")}
          </Button>
        </div>
      </Field>
    </form>
  );
}
