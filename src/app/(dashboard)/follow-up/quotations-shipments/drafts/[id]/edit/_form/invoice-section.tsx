"use client";
// The invoice: the NF-e key (controlled, so it is decoded live), its number and series (filled in
// live from a valid key), the date, and the declared value in US$. The key has one error message,
// the live one: a refused save's message for it is the same check and is not repeated.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { UsdValue, type UsdValueProps } from "@/components/shipments/usd-value";
import { draftFieldProblem, fillFromKey } from "@/domain/draft-form";
import { validateNfeKey } from "@/domain/nfe-key";
import { translateOr } from "@/i18n/message-keys";
import { DraftField, useDraftFields } from "./draft-field";
import { FormSection } from "./form-section";
import { NfeDecoded } from "./nfe-decoded";

type Encoded = "invoiceNumber" | "invoiceSeries";

/** The number and series a key encodes, as the save stores them; null for a key that is not valid. */
function encodedBy(key: string): Record<Encoded, string> | null {
  const result = validateNfeKey(key);
  if (!result.ok) return null;
  return { invoiceNumber: String(result.decoded.number), invoiceSeries: String(result.decoded.series) };
}

interface EncodedField {
  value: string;
  /** What a key last filled in (the field follows the next key while it still holds this). */
  filled: string | null;
  /** The key's value, offered because the operator's own value differs. */
  conflict: string | null;
}

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
  const { errors, invalid, value, edited } = useDraftFields();
  const [nfeKey, setNfeKey] = useState(shipment.nfeKey ?? "");
  // A stored key fills empty fields at once, and the fields that agree with it follow a new key.
  const [encoded, setEncoded] = useState<Record<Encoded, EncodedField>>(() => {
    const fromKey = encodedBy(shipment.nfeKey ?? "");
    const start = (name: Encoded, stored: string | null): EncodedField => {
      const current = value(name, stored);
      return fromKey
        ? { ...fillFromKey(current, null, fromKey[name]), conflict: null }
        : { value: current, filled: null, conflict: null };
    };
    return {
      invoiceNumber: start("invoiceNumber", shipment.invoiceNumber),
      invoiceSeries: start("invoiceSeries", shipment.invoiceSeries),
    };
  });

  const keyProblem = draftFieldProblem("nfeKey", nfeKey);
  const keyError = keyProblem
    ? translateOr(t, keyProblem.key, t("errors.invalid"), keyProblem.values)
    : nfeKey.trim() === ""
      ? errors.nfeKey
      : undefined;

  const changeKey = (next: string) => {
    setNfeKey(next);
    const fromKey = encodedBy(next);
    if (!fromKey) return;
    const filled = {
      invoiceNumber: fillFromKey(encoded.invoiceNumber.value, encoded.invoiceNumber.filled, fromKey.invoiceNumber),
      invoiceSeries: fillFromKey(encoded.invoiceSeries.value, encoded.invoiceSeries.filled, fromKey.invoiceSeries),
    };
    setEncoded(filled);
    edited("invoiceNumber", filled.invoiceNumber.value);
    edited("invoiceSeries", filled.invoiceSeries.value);
  };
  const type = (name: Encoded, next: string) =>
    setEncoded((current) => ({ ...current, [name]: { ...current[name], value: next } }));
  const takeKeyValue = (name: Encoded, fromKey: string) => {
    setEncoded((current) => ({ ...current, [name]: { value: fromKey, filled: fromKey, conflict: null } }));
    edited(name, fromKey);
  };

  const encodedField = (name: Encoded, label: string, maxLength: number) => {
    const field = encoded[name];
    const conflict = field.conflict !== null && field.conflict !== field.value.trim() ? field.conflict : null;
    const fromKey = !conflict && field.filled !== null && field.value.trim() === field.filled;
    return (
      <div className="space-y-1.5">
        <Field id={name} label={label} error={errors[name]} hint={fromKey ? t("drafts.filledFromKey") : undefined}>
          <Input
            id={name}
            name={name}
            value={field.value}
            onChange={(event) => type(name, event.target.value)}
            invalid={invalid(name)}
            maxLength={maxLength}
            aria-describedby={errors[name] ? `${name}-error` : fromKey ? `${name}-hint` : undefined}
            data-filled-from-key={fromKey || undefined}
          />
        </Field>
        {conflict ? (
          <p className="flex flex-wrap items-center gap-2 text-xs text-amber-800" data-testid={`${name}-key-conflict`}>
            {t("drafts.keySays", { value: conflict })}
            <Button type="button" variant="secondary" size="sm" onClick={() => takeKeyValue(name, conflict)}>
              {t("drafts.useKeyValue", { value: conflict })}
            </Button>
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <FormSection title={t("drafts.sections.invoice")}>
      <div className="space-y-2 sm:col-span-2">
        <Field id="nfeKey" label={t("fields.nfeKey")} error={keyError} hint={t("drafts.nfeHint")}>
          <Input
            id="nfeKey"
            name="nfeKey"
            value={nfeKey}
            onChange={(event) => changeKey(event.target.value)}
            invalid={!!keyError || invalid("nfeKey")}
            aria-describedby={keyError ? "nfeKey-error" : "nfeKey-hint"}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
          />
        </Field>
        <NfeDecoded value={nfeKey} />
      </div>
      {encodedField("invoiceNumber", t("drafts.invoiceNumber"), 20)}
      {encodedField("invoiceSeries", t("drafts.invoiceSeries"), 5)}
      <DraftField name="invoiceDate" label={t("drafts.invoiceDate")} fallback={shipment.invoiceDate} type="date" />
      <UsdValue {...usd} />
    </FormSection>
  );
}
