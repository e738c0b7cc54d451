"use client";
import { useTranslations } from "next-intl";
import { Ruler } from "lucide-react";
import { useActionState, useCallback, useEffect, useState } from "react";
import { CARRIER_IDS, CARRIERS } from "@/domain/carrier-registry";
import type { FormAction } from "@/lib/action-result";
import { EXPORT_REASON_VALUES, INCOTERM_VALUES } from "@/domain/customs-codes";
import { Button } from "../ui/button";
import { Alert } from "../ui/card";
import { Input, Select } from "../ui/field";
import { BulkParcelDialog, type SelectedDraft } from "./bulk-parcel-dialog";

/** Shown while drafts are selected: one change applied to all of them. */
export function DraftsBulkBar({
  selected,
  bulkUpdate,
  editParcels,
  onDone,
}: {
  /** The selected drafts, at the version the table shows (the weight & dimensions edit checks it). */
  selected: SelectedDraft[];
  /** The server actions, passed down from the route. */
  bulkUpdate: FormAction;
  editParcels: FormAction;
  onDone: () => void;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(bulkUpdate, null);
  const [parcelOpen, setParcelOpen] = useState(false);
  // The latest outcome shown above the table: the bar's own, or the weight & dimensions dialog's.
  const [parcelMessage, setParcelMessage] = useState<string | null>(null);
  useEffect(() => {
    if (state?.ok) onDone();
  }, [state, onDone]);
  const parcelsDone = useCallback(
    (message: string) => {
      setParcelOpen(false);
      setParcelMessage(message);
      onDone();
    },
    [onDone],
  );
  const error = state?.ok === false ? (state.formError ?? Object.values(state.fieldErrors ?? {})[0]) : null;
  return (
    <div className="space-y-2">
      {parcelMessage ? (
        <Alert tone="success">{parcelMessage}</Alert>
      ) : state?.ok ? (
        <Alert tone="success">{state.message}</Alert>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {selected.length > 0 ? (
        <form
          action={action}
          onSubmit={() => setParcelMessage(null)}
          className="flex flex-wrap items-end gap-2 rounded-md border border-brand-200 bg-brand-50 p-3 text-sm"
          data-testid="bulk-bar"
        >
          {selected.map(({ id }) => (
            <input key={id} type="hidden" name="ids" value={id} />
          ))}
          <span className="mr-2 self-center font-medium text-brand-900">
            {t("drafts.bulkTitle", { count: selected.length })}
          </span>
          <Select name="carrier" aria-label={t("fields.carrier")} className="w-auto" defaultValue="">
            <option value="">{`${t("fields.carrier")} ${t("drafts.keep")}`}</option>
            {CARRIER_IDS.map((carrier) => (
              <option key={carrier} value={carrier}>
                {CARRIERS[carrier].name}
              </option>
            ))}
          </Select>
          <Input name="service" aria-label={t("fields.service")} placeholder={t("fields.service")} className="w-44" />
          <Select name="incoterm" aria-label={t("fields.incoterm")} className="w-auto" defaultValue="">
            <option value="">{`${t("fields.incoterm")} ${t("drafts.keep")}`}</option>
            {INCOTERM_VALUES.map((incoterm) => (
              <option key={incoterm} value={incoterm}>
                {incoterm}
              </option>
            ))}
          </Select>
          <Select name="exportReason" aria-label={t("fields.exportReason")} className="w-auto" defaultValue="">
            <option value="">{`${t("fields.exportReason")} ${t("drafts.keep")}`}</option>
            {EXPORT_REASON_VALUES.map((reason) => (
              <option key={reason} value={reason}>
                {t(`drafts.reasons.${reason}`)}
              </option>
            ))}
          </Select>
          <Input
            name="originCountry"
            aria-label={t("drafts.originCountry")}
            placeholder="BR"
            maxLength={2}
            className="w-20"
          />
          <Button type="submit" size="sm" disabled={pending} className="ml-auto">
            {t("drafts.bulkApply")}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setParcelOpen(true)}>
            <Ruler className="size-4" aria-hidden /> {t("bulkParcel.open")}
          </Button>
        </form>
      ) : null}
      <BulkParcelDialog
        open={parcelOpen && selected.length > 0}
        drafts={selected}
        editParcels={editParcels}
        onClose={() => setParcelOpen(false)}
        onDone={parcelsDone}
      />
    </div>
  );
}
