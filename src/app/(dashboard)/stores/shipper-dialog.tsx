"use client";
// "Shipper details" (admin): the exporter printed on every label and commercial invoice of the store.
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { formatCnpj } from "@/domain/nfe-key";
import { REQUIRED_SHIPPER_FIELDS, SHIPPER_FIELDS, type ShipperField } from "@/domain/shipper-fields";
import type { StoreRow } from "@/server/queries/stores";
import { StoreDialog, type StoreDialogProps } from "./store-dialog";
import { updateShipperAction } from "./actions";

const WIDE: readonly ShipperField[] = ["legalName", "address1", "address2"];

/** A stored value the way people write it (the CNPJ with its punctuation). */
function shown(field: ShipperField, value: string | null): string {
  if (field === "taxId" && value && value.length === 14) return formatCnpj(value);
  return value ?? "";
}

function ShipperForm({ store, onDone }: { store: StoreRow; onDone: (message: string) => void }) {
  const t = useTranslations("stores.shipper");
  const format = useFormatter();
  const [state, action, pending] = useActionState(updateShipperAction, null);
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="storeId" value={store.id} />
      {state?.ok === false ? <Alert tone="error">{state.formError}</Alert> : null}
      {store.readiness.missing.length > 0 && state?.ok !== false ? (
        // What the readiness flag named, said again where it gets fixed.
        <Alert tone="warning">
          {t("stillMissing", { fields: format.list(store.readiness.missing.map((field) => t(`fields.${field}`))) })}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {SHIPPER_FIELDS.map((field) => (
          <div key={field} className={WIDE.includes(field) ? "sm:col-span-2" : undefined}>
            <Field
              id={`shipper-${field}`}
              label={`${t(`fields.${field}`)}${(REQUIRED_SHIPPER_FIELDS as readonly string[]).includes(field) ? " *" : ""}`}
              error={errors[field]}
              hint={field === "taxId" || field === "signatoryName" ? t(`hints.${field}`) : undefined}
            >
              <Input
                id={`shipper-${field}`}
                name={field}
                defaultValue={values[field] ?? shown(field, store.shipper[field])}
                invalid={!!errors[field]}
                aria-describedby={errors[field] ? `shipper-${field}-error` : undefined}
                autoComplete="off"
              />
            </Field>
          </div>
        ))}
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

export function ShipperDialog({ store, onClose, onDone }: StoreDialogProps) {
  const t = useTranslations("stores.shipper");
  return (
    <StoreDialog
      store={store}
      onClose={onClose}
      title={t("title")}
      description={(chosen) => t("description", { store: chosen.name })}
    >
      {(chosen) => <ShipperForm store={chosen} onDone={onDone} />}
    </StoreDialog>
  );
}
