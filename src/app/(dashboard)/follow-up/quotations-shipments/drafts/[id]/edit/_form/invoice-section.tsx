"use client";
// The invoice: the NF-e key (controlled, so it is decoded live), its number, series and date, and
// the declared value in US$.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, Input } from "@/components/ui/field";
import { UsdValue, type UsdValueProps } from "@/components/shipments/usd-value";
import { validateNfeKey } from "@/domain/nfe-key";
import { DraftField, useDraftFields } from "./draft-field";
import { FormSection } from "./form-section";
import { NfeDecoded } from "./nfe-decoded";

export function InvoiceSection({
  shipment,
  usd,
}: {
  shipment: {
    nfeKey: string | null;
    invoiceNumber: string | null;
    invoiceSeries: string | null;
    invoiceDate: string | null;
  };
  usd: UsdValueProps;
}) {
  const t = useTranslations();
  const { errors, invalid } = useDraftFields();
  const [nfeKey, setNfeKey] = useState(shipment.nfeKey ?? "");
  return (
    <FormSection title={t("drafts.sections.invoice")}>
      <div className="space-y-2 sm:col-span-2">
        <Field id="nfeKey" label={t("fields.nfeKey")} error={errors.nfeKey} hint={t("drafts.nfeHint")}>
          <Input
            id="nfeKey"
            name="nfeKey"
            value={nfeKey}
            onChange={(event) => setNfeKey(event.target.value)}
            invalid={invalid("nfeKey") && !validateNfeKey(nfeKey).ok}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
          />
        </Field>
        <NfeDecoded value={nfeKey} />
      </div>
      <DraftField name="invoiceNumber" label={t("drafts.invoiceNumber")} fallback={shipment.invoiceNumber} />
      <DraftField name="invoiceSeries" label={t("drafts.invoiceSeries")} fallback={shipment.invoiceSeries} />
      <DraftField name="invoiceDate" label={t("drafts.invoiceDate")} fallback={shipment.invoiceDate} type="date" />
      <UsdValue {...usd} />
    </FormSection>
  );
}
