"use client";
// Edit Draft: the form state (what the last save refused or reported), the highlight and focus of
// the missing fields, and the sections in order. Each section renders its own fields.
import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import type { UsdValueProps } from "@/components/shipments/usd-value";
import type { ShipmentProblem } from "@/domain/shipment-problem";
import { saveDraftAction } from "../actions";
import { DraftFieldProvider, type DraftFieldState } from "./draft-field";
import { DraftPromoted } from "./draft-promoted";
import { InvoiceSection } from "./invoice-section";
import { ItemsSection } from "./items-section";
import { inputForMissingField, type DraftItem } from "./missing-field-input";
import { MissingFieldsNotice } from "./missing-fields-notice";
import { ParcelSection } from "./parcel-section";
import { RecipientSection } from "./recipient-section";
import { ShippingSection } from "./shipping-section";

interface DraftFormShipment {
  id: string;
  version: number;
  status: string;
  carrier: string | null;
  service: string | null;
  incoterm: string | null;
  exportReason: string | null;
  /** The store's customs defaults, used while the shipment has no value of its own. */
  storeDefaults: { incoterm: string | null; exportReason: string | null };
  nfeKey: string | null;
  invoiceNumber: string | null;
  invoiceSeries: string | null;
  invoiceDate: string | null;
  missingFields: string[];
  /** Why it is a draft, with the figures behind each reason. */
  problems: ShipmentProblem[];
  /** The declared value and its US$ equivalent with the PTAX rate used. */
  usd: UsdValueProps;
  recipient: Record<string, string | null>;
  items: DraftItem[];
  parcel: Record<string, number | null>;
}

export function DraftForm({ shipment }: { shipment: DraftFormShipment }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(saveDraftAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const missing = state?.ok ? (state.data?.missingFields ?? []) : shipment.missingFields;
  const problems = state?.ok ? (state.data?.problems ?? []) : shipment.problems;
  const usd = state?.ok && state.data ? state.data.usd : shipment.usd;
  const highlighted = new Set(missing.map((field) => inputForMissingField(field, shipment.items)));
  const fields: DraftFieldState = {
    errors,
    invalid: (name) => !!errors[name] || highlighted.has(name),
    value: (name, fallback) => (name in values ? values[name] : fallback == null ? "" : String(fallback)),
  };

  // The first missing field gets the focus, so the operator can start typing at once.
  useEffect(() => {
    const first = Object.keys(errors)[0] ?? (missing[0] ? inputForMissingField(missing[0], shipment.items) : null);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    // Only when an answer arrives: typing must not move the focus back to the first missing field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  if (state?.ok && state.data?.promoted) return <DraftPromoted message={state.message} />;

  return (
    <form ref={formRef} action={action} className="space-y-5" noValidate>
      <input type="hidden" name="id" value={shipment.id} />
      <input type="hidden" name="version" value={shipment.version} />
      {state?.ok === false && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
      <MissingFieldsNotice missing={missing} problems={problems} />
      <DraftFieldProvider state={fields}>
        <InvoiceSection shipment={shipment} usd={usd} />
        <ShippingSection shipment={shipment} />
        <RecipientSection recipient={shipment.recipient} />
        <ItemsSection items={shipment.items} />
        <ParcelSection parcel={shipment.parcel} />
      </DraftFieldProvider>
      <div className="sticky bottom-0 -mx-1 flex justify-end gap-2 bg-slate-50/90 px-1 py-3 backdrop-blur">
        <Button type="submit" disabled={pending}>
          <Pencil className="size-4" aria-hidden />
          {pending ? t("common.saving") : t("drafts.save")}
        </Button>
      </div>
    </form>
  );
}
