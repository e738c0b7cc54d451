"use client";
import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { OneTimePassword } from "./one-time-password";
import { ROLES } from "@/domain/roles";
import { createUserAction } from "./actions";

export function CreateUserDialog() {
  const t = useTranslations("users");
  const common = useTranslations();
  const [open, setOpen] = useState(false);
  // A new form instance (and a fresh action state) every time the dialog opens.
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <Button
        onClick={() => {
          setFormKey((key) => key + 1);
          setOpen(true);
        }}
      >
        <UserPlus className="size-4" aria-hidden />
        {t("create")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("create")}
        description={t("createHint")}
        closeLabel={common("common.close")}
      >
        <CreateUserForm key={formKey} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations("users");
  const common = useTranslations();
  const [state, action, pending] = useActionState(createUserAction, null);

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{state.message}</Alert>
        {state.data?.generatedPassword ? <OneTimePassword password={state.data.generatedPassword} /> : null}
        <div className="flex justify-end">
          <Button onClick={onDone}>{common("common.done")}</Button>
        </div>
      </div>
    );
  }

  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state?.ok === false && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <Field id="new-user-name" label={t("fields.name")} error={errors.name}>
        <Input
          id="new-user-name"
          name="name"
          autoComplete="off"
          required
          invalid={!!errors.name}
          defaultValue={values.name}
          autoFocus
        />
      </Field>
      <Field id="new-user-email" label={t("fields.email")} error={errors.email}>
        <Input
          id="new-user-email"
          name="email"
          type="email"
          autoComplete="off"
          required
          invalid={!!errors.email}
          defaultValue={values.email}
        />
      </Field>
      <Field id="new-user-role" label={t("fields.role")} error={errors.role}>
        <Select id="new-user-role" name="role" defaultValue={values.role ?? "operator"} invalid={!!errors.role}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {common(`roles.${role}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="new-user-password"
        label={t("fields.passwordOptional")}
        error={errors.password}
        hint={t("passwordHint")}
      >
        <Input
          id="new-user-password"
          name="password"
          type="password"
          autoComplete="new-password"
          invalid={!!errors.password}
        />
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onDone}>
          {common("common.cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? common("common.saving") : t("createSubmit")}
        </Button>
      </div>
    </form>
  );
}
