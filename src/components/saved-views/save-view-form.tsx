"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SAVED_VIEW_NAME_MAX, type SavedViewTable } from "@/domain/saved-views";
import type { ActionResult, FormAction } from "@/lib/action-result";
import { Button } from "../ui/button";
import { Alert } from "../ui/card";
import { Field, Input } from "../ui/field";

/** "Save view": a name, whether to pin it, and the page's query (the server reads it again). */
export function SaveViewForm({
  table,
  query,
  action,
  onSaved,
  onCancel,
}: {
  table: SavedViewTable;
  query: string;
  action: FormAction;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("savedViews");
  const common = useTranslations("common");
  const [state, submit, pending] = useActionState(async (previous: ActionResult | null, form: FormData) => {
    const result = await action(previous, form);
    if (result.ok) onSaved(result.message ?? "");
    return result;
  }, null);
  const failed = state?.ok === false ? state : null;
  const nameError = failed?.fieldErrors?.name;
  return (
    <form action={submit} className="space-y-4" noValidate>
      {failed?.formError && !nameError ? <Alert tone="error">{failed.formError}</Alert> : null}
      <input type="hidden" name="table" value={table} />
      <input type="hidden" name="query" value={query} />
      <Field id="saved-view-name" label={t("name")} error={nameError}>
        <Input
          id="saved-view-name"
          name="name"
          autoComplete="off"
          required
          maxLength={SAVED_VIEW_NAME_MAX * 2}
          invalid={!!nameError}
          aria-describedby={nameError ? "saved-view-name-error" : undefined}
          defaultValue={failed?.values?.name}
          autoFocus
        />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="pinned"
          value="true"
          defaultChecked={failed ? failed.values?.pinned === "true" : true}
          className="size-4 rounded border-slate-300"
        />
        {t("pinOnSave")}
      </label>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          {common("cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? common("saving") : t("saveSubmit")}
        </Button>
      </div>
    </form>
  );
}
