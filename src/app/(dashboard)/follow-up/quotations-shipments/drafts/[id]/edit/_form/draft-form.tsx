"use client";
// Edit Draft: the form state (what the last save refused or reported), the highlight and focus of
// the missing fields and of those "Get quotes" pointed at, errors that go as fields become valid,
// the save shortcut, and the sections in order. Each section renders its own fields.
import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import type { UsdValueProps } from "@/components/shipments/usd-value";
import { draftFieldFilled, draftFieldProblem } from "@/domain/draft-form";
import type { ShipmentProblem } from "@/domain/shipment-problem";
import { translateOr } from "@/i18n/message-keys";
import { saveDraftAction } from "../actions";
import { DraftFieldProvider, type DraftFieldState } from "./draft-field";
import { DraftPromoted } from "./draft-promoted";
import { InvoiceSection } from "./invoice-section";
import { ItemsSection } from "./items-section";
import { inputForMissingField, type DraftItem } from "./missing-field-input";
import { MissingFieldsNotice } from "./missing-fields-notice";
import { ParcelSection } from "./parcel-section";
import { useQuoteFields } from "./quote-fields";
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

/** Ctrl+Enter and Ctrl+S save (⌘ on a Mac); the browser's own "save page" is not wanted here. */
function isSaveShortcut(event: KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  return event.key === "Enter" || event.key.toLowerCase() === "s";
}

const noSubscription = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform);

export function DraftForm({ shipment }: { shipment: DraftFormShipment }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(saveDraftAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const quoteFields = useQuoteFields();
  // What the operator changed since the last answer: an error or a highlight goes as soon as its
  // field holds a value the save accepts, without waiting for the next save.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setEdits({});
  }
  const edited = useCallback(
    (name: string, value: string) => {
      setEdits((current) => (current[name] === value ? current : { ...current, [name]: value }));
      if (draftFieldFilled(name, value)) quoteFields.clear(name);
    },
    [quoteFields],
  );

  const refused = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const errors: Record<string, string> = {};
  for (const [name, message] of Object.entries(refused)) {
    if (!(name in edits)) errors[name] = message;
    else {
      const problem = draftFieldProblem(name, edits[name]);
      if (problem) errors[name] = translateOr(t, problem.key, t("errors.invalid"), problem.values);
    }
  }
  const missing = state?.ok ? (state.data?.missingFields ?? []) : shipment.missingFields;
  const problems = state?.ok ? (state.data?.problems ?? []) : shipment.problems;
  const usd = state?.ok && state.data ? state.data.usd : shipment.usd;
  const highlighted = new Set(missing.map((field) => inputForMissingField(field, shipment.items)));
  const filledNow = (name: string) => name in edits && draftFieldFilled(name, edits[name]);
  const fields: DraftFieldState = {
    errors,
    invalid: (name) => !!errors[name] || ((highlighted.has(name) || quoteFields.pointed.has(name)) && !filledNow(name)),
    value: (name, fallback) => (name in values ? values[name] : fallback == null ? "" : String(fallback)),
    edited,
  };
  // "Please correct the highlighted fields" stays only while a highlighted field is left to correct;
  // a refusal that is not about a field (a concurrent edit) stays until the next answer.
  // The key's error is live (invoice-section.tsx): a key still wrong is still left to correct.
  const keyWrong = draftFieldProblem("nfeKey", edits.nfeKey ?? values.nfeKey ?? "") !== null;
  const leftToCorrect = Object.keys(errors).length > 0 || keyWrong;
  const formError =
    state?.ok === false && state.formError && (Object.keys(refused).length === 0 || leftToCorrect)
      ? state.formError
      : null;

  // The first missing field gets the focus, so the operator can start typing at once.
  useEffect(() => {
    const first = Object.keys(refused)[0] ?? (missing[0] ? inputForMissingField(missing[0], shipment.items) : null);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
    // Only when an answer arrives: typing must not move the focus back to the first missing field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSaveShortcut(event)) return;
      event.preventDefault();
      if (!pending) formRef.current?.requestSubmit();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [pending]);
  const apple = useSyncExternalStore(noSubscription, isApple, () => false);
  const modifier = apple ? "⌘" : "Ctrl";

  if (state?.ok && state.data?.promoted) return <DraftPromoted message={state.message} />;

  return (
    <form
      ref={formRef}
      action={action}
      className="space-y-5"
      noValidate
      onChange={(event) => {
        const target = event.target;
        if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement)
          edited(target.name, target.value);
      }}
    >
      <input type="hidden" name="id" value={shipment.id} />
      <input type="hidden" name="version" value={shipment.version} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
      <MissingFieldsNotice missing={missing} problems={problems} />
      <DraftFieldProvider state={fields}>
        <InvoiceSection shipment={shipment} usd={usd} />
        <ShippingSection shipment={shipment} />
        <RecipientSection recipient={shipment.recipient} />
        <ItemsSection items={shipment.items} />
        <ParcelSection parcel={shipment.parcel} />
      </DraftFieldProvider>
      <div className="sticky bottom-0 -mx-1 flex items-center justify-end gap-3 bg-slate-50/90 px-1 py-3 backdrop-blur">
        <span className="hidden text-xs text-slate-500 sm:inline" data-testid="save-shortcut">
          {t.rich("drafts.saveShortcut", {
            keys: () => (
              <>
                <Kbd>{modifier}</Kbd> + <Kbd>Enter</Kbd>
              </>
            ),
          })}
        </span>
        <Button type="submit" disabled={pending} aria-keyshortcuts="Control+Enter Meta+Enter Control+S Meta+S">
          <Pencil className="size-4" aria-hidden />
          {pending ? t("common.saving") : shipment.status === "draft" ? t("drafts.save") : t("drafts.saveChanges")}
        </Button>
      </div>
    </form>
  );
}

function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-sans text-[11px] font-medium text-slate-700 shadow-xs">
      {children}
    </kbd>
  );
}
