"use client";
import { CheckCircle2, Pencil } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, Input, Select } from "@/components/ui/field";
import { ProblemList } from "@/components/shipments/problem-list";
import { UsdValue, type UsdValueProps } from "@/components/shipments/usd-value";
import { CARRIER_IDS } from "@/domain/carriers";
import type { ShipmentProblem } from "@/domain/shipment-problem";
import { validateNfeKey } from "@/domain/nfe-key";
import { saveDraftAction } from "./actions";
import { CustomsTermSelect } from "./customs-term-select";

type Item = Record<string, string | number | null>;

export interface DraftFormShipment {
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
  items: Item[];
  parcel: Record<string, number | null>;
}

/** The input a missing field points at, so it can be highlighted and focused first. */
function inputFor(field: string, items: Item[]): string {
  const firstItem = (key: string) => {
    const index = items.findIndex((item) => item[key] === null || item[key] === undefined || item[key] === "");
    return `items.${Math.max(0, index)}.${key}`;
  };
  switch (field) {
    case "recipientName":
      return "recipient.name";
    case "recipientPhone":
      return "recipient.phone";
    case "address":
      return "recipient.address1";
    case "postalCode":
      return "recipient.postalCode";
    case "state":
      return "recipient.provinceCode";
    case "hsCode":
      return firstItem("hsCode");
    case "itemDescription":
      return firstItem("description");
    case "unitValue":
      return firstItem("unitValue");
    case "originCountry":
      return firstItem("originCountry");
    case "weight":
      return "parcel.weightKg";
    case "dimensions":
      return "parcel.lengthCm";
    default:
      return field;
  }
}

function NfeDecoded({ value }: { value: string }) {
  const t = useTranslations("nfe");
  if (!value.trim()) return null;
  const result = validateNfeKey(value);
  if (!result.ok) {
    return (
      <p className="text-sm text-red-600" role="alert" data-testid="nfe-error">
        {t(`errors.${result.error.code}`, result.error.values ?? {})}
      </p>
    );
  }
  const { decoded } = result;
  return (
    <dl
      className="grid grid-cols-2 gap-x-4 gap-y-1 rounded-md bg-emerald-50 p-3 text-xs text-emerald-900 sm:grid-cols-3"
      data-testid="nfe-decoded"
    >
      <div>
        <dt className="font-medium">{t("state")}</dt>
        <dd>
          {decoded.state.uf} · {decoded.state.name}
        </dd>
      </div>
      <div>
        <dt className="font-medium">{t("issued")}</dt>
        <dd>
          {String(decoded.month).padStart(2, "0")}/{decoded.year}
        </dd>
      </div>
      <div>
        <dt className="font-medium">{t("issuer")}</dt>
        <dd>{decoded.cnpjFormatted}</dd>
      </div>
      <div>
        <dt className="font-medium">{t("series")}</dt>
        <dd>{decoded.series}</dd>
      </div>
      <div>
        <dt className="font-medium">{t("number")}</dt>
        <dd>{decoded.number}</dd>
      </div>
    </dl>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="p-5">
      <h2 className="mb-4 text-sm font-semibold tracking-wide text-slate-900 uppercase">{title}</h2>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </Card>
  );
}

export function DraftForm({ shipment }: { shipment: DraftFormShipment }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(saveDraftAction, null);
  const [nfeKey, setNfeKey] = useState(shipment.nfeKey ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const missing = state?.ok ? (state.data?.missingFields ?? []) : shipment.missingFields;
  const problems = state?.ok ? (state.data?.problems ?? []) : shipment.problems;
  const usd = state?.ok && state.data ? state.data.usd : shipment.usd;
  const highlighted = new Set(missing.map((field) => inputFor(field, shipment.items)));
  const invalid = (name: string) => !!errors[name] || highlighted.has(name);
  const value = (name: string, fallback: unknown) =>
    name in values ? values[name] : fallback == null ? "" : String(fallback);

  // The first missing field gets the focus, so the operator can start typing at once.
  useEffect(() => {
    const first = Object.keys(errors)[0] ?? (missing[0] ? inputFor(missing[0], shipment.items) : null);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    // Only when an answer arrives: typing must not move the focus back to the first missing field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const input = (name: string, label: string, fallback: unknown, props: Record<string, unknown> = {}) => (
    <Field id={name} label={label} error={errors[name]}>
      <Input id={name} name={name} defaultValue={value(name, fallback) as string} invalid={invalid(name)} {...props} />
    </Field>
  );

  if (state?.ok && state.data?.promoted) {
    return (
      <Card className="flex flex-col items-start gap-3 p-6">
        <CheckCircle2 className="size-8 text-emerald-600" aria-hidden />
        <p className="text-base font-medium text-slate-900" role="status">
          {state.message}
        </p>
        <div className="flex gap-2">
          <Link href="/shipments" className={buttonClasses("primary")}>
            {t("drafts.goToShipments")}
          </Link>
          <Link href="/follow-up/quotations-shipments?tab=drafts" className={buttonClasses("secondary")}>
            {t("drafts.nextDraft")}
          </Link>
        </div>
      </Card>
    );
  }

  return (
    <form ref={formRef} action={action} className="space-y-5" noValidate>
      <input type="hidden" name="id" value={shipment.id} />
      <input type="hidden" name="version" value={shipment.version} />
      {state?.ok === false && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
      {missing.length > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="missing-fields">
          <p className="mb-2 text-sm font-medium text-amber-900">
            {t("drafts.missingIntro", { count: missing.length })}
          </p>
          <div className="flex flex-wrap gap-1.5">
            {missing.map((field) => (
              <Badge key={field} tone="amber">
                {t.has(`fields.${field}`) ? t(`fields.${field}`) : field}
              </Badge>
            ))}
          </div>
          <ProblemList problems={problems} className="mt-2 text-amber-900" />
        </div>
      ) : null}

      <Section title={t("drafts.sections.invoice")}>
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
        {input("invoiceNumber", t("drafts.invoiceNumber"), shipment.invoiceNumber)}
        {input("invoiceSeries", t("drafts.invoiceSeries"), shipment.invoiceSeries)}
        {input("invoiceDate", t("drafts.invoiceDate"), shipment.invoiceDate, { type: "date" })}
        <UsdValue {...usd} />
      </Section>

      <Section title={t("drafts.sections.shipping")}>
        <Field id="carrier" label={t("fields.carrier")} error={errors.carrier}>
          <Select
            id="carrier"
            name="carrier"
            defaultValue={value("carrier", shipment.carrier) as string}
            invalid={invalid("carrier")}
          >
            <option value="">{t("drafts.choose")}</option>
            {CARRIER_IDS.map((carrier) => (
              <option key={carrier} value={carrier}>
                {t(`carriers.${carrier}`)}
              </option>
            ))}
          </Select>
        </Field>
        {input("service", t("fields.service"), shipment.service)}
        <CustomsTermSelect
          name="incoterm"
          initial={value("incoterm", shipment.incoterm) as string}
          storeDefault={shipment.storeDefaults.incoterm}
          error={errors.incoterm}
          invalid={invalid("incoterm")}
        />
        <CustomsTermSelect
          name="exportReason"
          initial={value("exportReason", shipment.exportReason) as string}
          storeDefault={shipment.storeDefaults.exportReason}
          error={errors.exportReason}
          invalid={invalid("exportReason")}
        />
      </Section>

      <Section title={t("drafts.sections.recipient")}>
        {input("recipient.name", t("fields.recipientName"), shipment.recipient.name)}
        {input("recipient.company", t("drafts.company"), shipment.recipient.company)}
        {input("recipient.phone", t("fields.recipientPhone"), shipment.recipient.phone, {
          type: "tel",
          placeholder: "+1 415 555 0100",
        })}
        {input("recipient.email", t("drafts.email"), shipment.recipient.email, { type: "email" })}
        {input("recipient.address1", t("fields.address"), shipment.recipient.address1)}
        {input("recipient.address2", t("drafts.address2"), shipment.recipient.address2)}
        {input("recipient.city", t("drafts.city"), shipment.recipient.city)}
        {input("recipient.provinceCode", t("fields.state"), shipment.recipient.provinceCode)}
        {input("recipient.postalCode", t("fields.postalCode"), shipment.recipient.postalCode)}
        {input("recipient.countryCode", t("drafts.country"), shipment.recipient.countryCode, { maxLength: 2 })}
      </Section>

      <Card className="p-5">
        <h2 className="mb-4 text-sm font-semibold tracking-wide text-slate-900 uppercase">
          {t("drafts.sections.items")}
        </h2>
        <div className="space-y-5">
          {shipment.items.map((item, index) => (
            <fieldset
              key={index}
              className="grid gap-4 border-t border-slate-100 pt-4 first:border-0 first:pt-0 sm:grid-cols-6"
            >
              <legend className="sr-only">{t("drafts.item", { number: index + 1 })}</legend>
              <input type="hidden" name={`items.${index}.sku`} value={item.sku == null ? "" : String(item.sku)} />
              <div className="sm:col-span-3">
                {input(`items.${index}.description`, t("fields.itemDescription"), item.description)}
              </div>
              <div className="sm:col-span-3">
                {input(`items.${index}.hsCode`, t("fields.hsCode"), item.hsCode, { inputMode: "numeric" })}
              </div>
              <div className="sm:col-span-1">
                {input(`items.${index}.quantity`, t("drafts.quantity"), item.quantity, { inputMode: "numeric" })}
              </div>
              <div className="sm:col-span-2">
                {input(`items.${index}.unitValue`, t("fields.unitValue"), item.unitValue, { inputMode: "decimal" })}
              </div>
              <div className="sm:col-span-1">
                {input(`items.${index}.originCountry`, t("fields.originCountry"), item.originCountry, { maxLength: 2 })}
              </div>
              <div className="sm:col-span-2">
                {input(`items.${index}.weightKg`, t("drafts.itemWeight"), item.weightKg, { inputMode: "decimal" })}
              </div>
            </fieldset>
          ))}
        </div>
      </Card>

      <Section title={t("drafts.sections.parcel")}>
        {input("parcel.weightKg", t("drafts.parcelWeight"), shipment.parcel.weightKg, { inputMode: "decimal" })}
        <div className="grid grid-cols-3 gap-2">
          {(["lengthCm", "widthCm", "heightCm"] as const).map((dimension) => (
            <div key={dimension}>
              {input(`parcel.${dimension}`, t(`drafts.${dimension}`), shipment.parcel[dimension], {
                inputMode: "decimal",
              })}
            </div>
          ))}
        </div>
      </Section>

      <div className={cn("sticky bottom-0 -mx-1 flex justify-end gap-2 bg-slate-50/90 px-1 py-3 backdrop-blur")}>
        <Button type="submit" disabled={pending}>
          <Pencil className="size-4" aria-hidden />
          {pending ? t("common.saving") : t("drafts.save")}
        </Button>
      </div>
    </form>
  );
}
