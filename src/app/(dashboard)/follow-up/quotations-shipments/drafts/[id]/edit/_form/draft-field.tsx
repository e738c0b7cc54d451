"use client";
// The repeated block of Edit Draft: a labelled input with its error, whose value and highlight
// come from the form's state (what was just submitted wins over the shipment's own value; an error
// goes as soon as the field holds a value the save accepts).
import { createContext, useContext, type InputHTMLAttributes, type ReactNode } from "react";
import { Field, Input } from "@/components/ui/field";

export interface DraftFieldState {
  errors: Record<string, string>;
  /** Refused by the last save, or pointed at by a missing field. */
  invalid: (name: string) => boolean;
  /** The value to show: the submitted one after a refused save, else the shipment's. */
  value: (name: string, fallback: unknown) => string;
  /** A value set by the form itself (the invoice number a pasted key fills in), checked like a typed one. */
  edited: (name: string, value: string) => void;
}

const DraftFieldContext = createContext<DraftFieldState | null>(null);

export function DraftFieldProvider({ state, children }: { state: DraftFieldState; children: ReactNode }) {
  return <DraftFieldContext.Provider value={state}>{children}</DraftFieldContext.Provider>;
}

export function useDraftFields(): DraftFieldState {
  const state = useContext(DraftFieldContext);
  if (!state) throw new Error("useDraftFields is used inside DraftFieldProvider only");
  return state;
}

export function DraftField({
  name,
  label,
  fallback,
  ...props
}: {
  name: string;
  label: string;
  /** The shipment's own value, shown unless a refused save sent another. */
  fallback: unknown;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue">) {
  const { errors, invalid, value } = useDraftFields();
  return (
    <Field id={name} label={label} error={errors[name]}>
      <Input id={name} name={name} defaultValue={value(name, fallback)} invalid={invalid(name)} {...props} />
    </Field>
  );
}
