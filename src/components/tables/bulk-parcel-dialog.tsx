"use client";
// "Edit weight & dimensions" of the selected drafts: a parcel weight and/or its three sides, each
// left empty to keep what every draft has. The server checks everything again (bounds, all three
// sides or none, each carrier's heaviest piece, drafts changed meanwhile) and applies the change to
// all of them or to none; its precise refusal is shown on the field it concerns.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { PARCEL_SIDES } from "@/domain/bounds";
import type { FormAction } from "@/lib/action-result";
import { Button } from "../ui/button";
import { Alert } from "../ui/card";
import { Dialog } from "../ui/dialog";
import { Field, Input } from "../ui/field";

/** A selected draft at the version the table showed. */
export interface SelectedDraft {
  id: string;
  version: number;
}

const FIELDS = ["weightKg", ...PARCEL_SIDES] as const;

function ParcelForm({
  drafts,
  editParcels,
  onClose,
  onDone,
}: {
  drafts: SelectedDraft[];
  editParcels: FormAction;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("bulkParcel");
  const [state, action, pending] = useActionState(editParcels, null);
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  const failed = state?.ok === false ? state : null;
  // A field's error goes as soon as the field is edited; the server judges it again on Apply.
  const [edited, setEdited] = useState<{ of: typeof state; fields: ReadonlySet<string> }>({
    of: null,
    fields: new Set(),
  });
  const editedNow = edited.of === state ? edited.fields : new Set<string>();
  const onEdit = (field: string) => setEdited({ of: state, fields: new Set([...editedNow, field]) });
  const errors = Object.fromEntries(
    Object.entries(failed?.fieldErrors ?? {}).filter(([field]) => !editedNow.has(field)),
  );
  // A field error already says what is wrong; the general line is shown only when no field has one.
  const submitted = failed?.fieldErrors ?? {};
  const formError =
    failed && !FIELDS.some((field) => submitted[field])
      ? (submitted._form ?? submitted.drafts ?? failed.formError)
      : null;
  const input = (field: (typeof FIELDS)[number]) => (
    <Input
      id={`bulk-${field}`}
      name={field}
      inputMode="decimal"
      autoComplete="off"
      maxLength={20}
      defaultValue={failed?.values?.[field] ?? ""}
      invalid={!!errors[field]}
      onChange={() => onEdit(field)}
      aria-describedby={errors[field] ? `bulk-${field}-error` : undefined}
    />
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      {drafts.map((draft) => (
        <input key={draft.id} type="hidden" name="drafts" value={`${draft.id}:${draft.version}`} />
      ))}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="bulk-weightKg" label={t("weight")} error={errors.weightKg}>
        {input("weightKg")}
      </Field>
      <fieldset>
        <legend className="mb-1.5 block text-sm font-medium text-slate-700">{t("dimensions")}</legend>
        <div className="grid grid-cols-3 gap-2">
          {PARCEL_SIDES.map((side) => (
            <Field key={side} id={`bulk-${side}`} label={t(side)} error={errors[side]}>
              {input(side)}
            </Field>
          ))}
        </div>
      </fieldset>
      <p className="text-xs text-slate-500">{t("hint")}</p>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {t("submit", { count: drafts.length })}
        </Button>
      </div>
    </form>
  );
}

export function BulkParcelDialog({
  open,
  drafts,
  editParcels,
  onClose,
  onDone,
}: {
  open: boolean;
  drafts: SelectedDraft[];
  /** The server action, passed down from the route. */
  editParcels: FormAction;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("bulkParcel");
  const common = useTranslations("common");
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("title")}
      description={t("description", { count: drafts.length })}
      closeLabel={common("close")}
    >
      <ParcelForm drafts={drafts} editParcels={editParcels} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}
