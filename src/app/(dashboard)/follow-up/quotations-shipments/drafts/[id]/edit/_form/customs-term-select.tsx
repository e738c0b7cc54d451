"use client";
// The incoterm and reason-for-export selects of Edit Draft. Left empty, the shipment uses the
// store's default (the empty option says which, and a hint repeats it), so saving untouched keeps
// following the store; choosing a value overrides it. Without a default the empty option is
// "Choose…" and the field is listed as missing.
import { useTranslations } from "next-intl";
import { translateOr } from "@/i18n/message-keys";
import { useState } from "react";
import { Field, Select } from "@/components/ui/field";
import { EXPORT_REASON_VALUES, INCOTERM_VALUES } from "@/domain/customs-codes";

type CustomsTermName = "incoterm" | "exportReason";

export function CustomsTermSelect({
  name,
  initial,
  storeDefault,
  error,
  invalid,
}: {
  name: CustomsTermName;
  /** What the form starts with: the shipment's own value, or what was just submitted. */
  initial: string;
  storeDefault: string | null;
  error?: string;
  invalid: boolean;
}) {
  const t = useTranslations();
  const [selected, setSelected] = useState(initial);
  const options: readonly string[] = name === "incoterm" ? INCOTERM_VALUES : EXPORT_REASON_VALUES;
  const label = (value: string) => {
    const key = name === "incoterm" ? `drafts.incoterms.${value}` : `drafts.reasons.${value}`;
    return translateOr(t, key, value);
  };
  // The short form in hints: "DAP" rather than its explanation, "Sale" for a reason.
  const short = (value: string) => (name === "incoterm" ? value : label(value));
  const fallback = storeDefault && options.includes(storeDefault) ? storeDefault : null;
  const hint = fallback
    ? selected
      ? t("storeSettings.overridesDefault", { value: short(fallback) })
      : t("storeSettings.storeDefault", { value: short(fallback) })
    : undefined;
  return (
    <Field id={name} label={t(`fields.${name}`)} error={error} hint={hint}>
      <Select
        id={name}
        name={name}
        value={selected}
        onChange={(event) => setSelected(event.target.value)}
        invalid={invalid}
        aria-describedby={error ? `${name}-error` : hint ? `${name}-hint` : undefined}
      >
        <option value="">
          {fallback ? t("storeSettings.useStoreDefault", { value: short(fallback) }) : t("drafts.choose")}
        </option>
        {options.map((value) => (
          <option key={value} value={value}>
            {label(value)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
