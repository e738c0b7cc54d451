"use client";
// Add or edit a carrier account. On edit nothing secret comes back from the server: the client id
// shows masked, the account number as its hint, and an empty credential keeps the stored one.
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { ACCOUNT_CARRIERS, ACCOUNT_ENVIRONMENTS, type AccountCarrier } from "@/domain/carrier-account-options";
import { CARRIERS } from "@/domain/carrier-registry";
import type { CarrierAccountRow } from "@/server/queries/carrier-accounts";
import { saveCarrierAccountAction } from "./actions";

export function AccountForm({
  account,
  onDone,
}: {
  /** Absent: a new account. */
  account?: CarrierAccountRow;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("carrierAccounts");
  const common = useTranslations();
  const [state, action, pending] = useActionState(saveCarrierAccountAction, null);
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const [carrier, setCarrier] = useState<AccountCarrier>(
    account?.carrier ?? (ACCOUNT_CARRIERS.find((known) => known === values.carrier) || "ups"),
  );
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const id = (field: string) => `carrier-account-${account?.id ?? "new"}-${field}`;
  const described = (field: string) => (errors[field] ? `${id(field)}-error` : `${id(field)}-hint`);
  return (
    <form action={action} className="space-y-4 text-left" noValidate>
      {account ? <input type="hidden" name="accountId" value={account.id} /> : null}
      {state?.ok === false && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id("carrier")} label={t("fields.carrier")} error={errors.carrier}>
          {/* The carrier of an account never changes: shown, and sent as a hidden field. */}
          <Select
            id={id("carrier")}
            name={account ? undefined : "carrier"}
            value={carrier}
            disabled={!!account}
            onChange={(event) => setCarrier(event.target.value as AccountCarrier)}
            invalid={!!errors.carrier}
          >
            {ACCOUNT_CARRIERS.map((known) => (
              <option key={known} value={known}>
                {CARRIERS[known].name}
              </option>
            ))}
          </Select>
        </Field>
        {account ? <input type="hidden" name="carrier" value={account.carrier} /> : null}
        <Field id={id("environment")} label={t("fields.environment")} error={errors.environment}>
          <Select
            id={id("environment")}
            name="environment"
            defaultValue={values.environment ?? account?.environment ?? "test"}
            invalid={!!errors.environment}
          >
            {ACCOUNT_ENVIRONMENTS.map((environment) => (
              <option key={environment} value={environment}>
                {t(`environments.${environment}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field id={id("name")} label={t("fields.name")} error={errors.name}>
        <Input
          id={id("name")}
          name="name"
          autoComplete="off"
          maxLength={80}
          defaultValue={values.name ?? account?.name ?? ""}
          invalid={!!errors.name}
          aria-describedby={errors.name ? `${id("name")}-error` : undefined}
        />
      </Field>
      <Field
        id={id("clientId")}
        label={t("fields.clientId")}
        error={errors.clientId}
        hint={account ? t("keepHint", { value: account.clientIdMasked }) : undefined}
      >
        <Input
          id={id("clientId")}
          name="clientId"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.clientId ?? ""}
          invalid={!!errors.clientId}
          aria-describedby={described("clientId")}
        />
      </Field>
      <Field
        id={id("clientSecret")}
        label={t("fields.clientSecret")}
        error={errors.clientSecret}
        hint={account ? t("keepHint", { value: "••••" }) : undefined}
      >
        {/* Never echoed back: the form action leaves secrets out of `values`. */}
        <Input
          id={id("clientSecret")}
          name="clientSecret"
          type="password"
          autoComplete="new-password"
          invalid={!!errors.clientSecret}
          aria-describedby={described("clientSecret")}
        />
      </Field>
      <Field
        id={id("accountNumber")}
        label={t("fields.accountNumber")}
        error={errors.accountNumber}
        hint={account ? t("keepHint", { value: `…${account.hint}` }) : t(`hints.accountNumber.${carrier}`)}
      >
        <Input
          id={id("accountNumber")}
          name="accountNumber"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.accountNumber ?? ""}
          invalid={!!errors.accountNumber}
          aria-describedby={described("accountNumber")}
        />
      </Field>
      <p className="text-xs text-slate-500">{t("hints.environment")}</p>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={() => onDone("")}>
          {common("common.cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? common("common.saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}

/** "Add account": a fresh form every time the dialog opens. */
export function AddAccountDialog({ onSaved }: { onSaved?: (message: string) => void }) {
  const t = useTranslations("carrierAccounts");
  const common = useTranslations();
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <Button
        onClick={() => {
          setFormKey((key) => key + 1);
          setOpen(true);
        }}
      >
        <Plus className="size-4" aria-hidden />
        {t("add")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("addTitle")}
        description={t("addHint")}
        closeLabel={common("common.close")}
      >
        <AccountForm
          key={formKey}
          onDone={(message) => {
            setOpen(false);
            if (message) onSaved?.(message);
          }}
        />
      </Dialog>
    </>
  );
}
