"use client";
// "Labels as PDF · change": the user's print preference, beside their name. Labels are bought in
// this format (a ZPL label is not converted later) and downloaded in it by default.
import { Printer } from "lucide-react";
import { useTranslations } from "next-intl";
import { createContext, useActionState, useContext, useState, type ReactNode } from "react";
import type { FormAction } from "@/lib/action-result";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";

interface LabelFormatValue {
  format: "pdf" | "zpl";
  setFormat: FormAction;
}

const LabelFormatContext = createContext<LabelFormatValue | null>(null);

/** Makes the user's label format (and the action that changes it) known to the pages below. */
export function LabelFormatProvider({ children, ...value }: LabelFormatValue & { children: ReactNode }) {
  return <LabelFormatContext.Provider value={value}>{children}</LabelFormatContext.Provider>;
}

/** The setting where the provider gives it (next to "Generate documents"); nothing elsewhere. */
export function CurrentLabelFormat() {
  const value = useContext(LabelFormatContext);
  // Left-aligned: it sits at the bar's start, where a right-aligned form opened off a phone's screen.
  return value ? <LabelFormatSetting {...value} className="block" align="left" /> : null;
}

export function LabelFormatSetting({
  format,
  setFormat,
  className = "hidden sm:block",
  align = "right",
}: LabelFormatValue & { className?: string; align?: "left" | "right" }) {
  const t = useTranslations("labels");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(setFormat, null);
  // A saved answer closes the form: adjusted while rendering, not in an effect.
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state?.ok) setOpen(false);
  }
  return (
    <div className={cn("relative text-xs text-slate-600", className)} data-testid="label-format">
      <Printer className="mr-1 inline size-3.5" aria-hidden />
      {t("formatLabel", { format })} ·{" "}
      <button
        type="button"
        className="font-medium text-brand-700 underline"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
      >
        {t("change")}
      </button>
      {open ? (
        <form
          action={action}
          className={cn(
            "absolute top-6 z-20 w-72 max-w-[calc(100vw-2rem)] space-y-2 rounded-md border border-slate-200 bg-white p-3 shadow",
            align === "left" ? "left-0" : "right-0",
          )}
        >
          <fieldset className="space-y-1">
            <legend className="font-medium text-slate-900">{t("formatTitle")}</legend>
            <p className="text-slate-500">{t("formatHint")}</p>
            {(["pdf", "zpl"] as const).map((option) => (
              <label key={option} className="flex items-center gap-2">
                <input type="radio" name="format" value={option} defaultChecked={option === format} />
                {t(option === "pdf" ? "formatPdf" : "formatZpl")}
              </label>
            ))}
          </fieldset>
          {state?.ok === false ? <p className="text-red-700">{state.formError}</p> : null}
          <div className="flex justify-end">
            <Button type="submit" size="sm" disabled={pending}>
              {t("save")}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
