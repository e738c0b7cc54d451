"use client";
// The fields "Get quotes" pointed at (a missing weight, a wrong country…), shared by the quotes
// card, which sets them, and the form, which highlights them until the operator fills them in.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

interface QuoteFields {
  pointed: ReadonlySet<string>;
  /** The fields of the latest quote answer (replacing the earlier ones). */
  pointAt: (fields: string[]) => void;
  /** A field the operator has now filled in with a value the save accepts. */
  clear: (field: string) => void;
}

const NONE: ReadonlySet<string> = new Set();
const QuoteFieldsContext = createContext<QuoteFields>({ pointed: NONE, pointAt: () => {}, clear: () => {} });

export function QuoteFieldsProvider({ children }: { children: ReactNode }) {
  const [pointed, setPointed] = useState<ReadonlySet<string>>(NONE);
  const pointAt = useCallback((fields: string[]) => setPointed(new Set(fields)), []);
  const clear = useCallback(
    (field: string) =>
      setPointed((current) => {
        if (!current.has(field)) return current;
        const next = new Set(current);
        next.delete(field);
        return next;
      }),
    [],
  );
  const value = useMemo(() => ({ pointed, pointAt, clear }), [pointed, pointAt, clear]);
  return <QuoteFieldsContext.Provider value={value}>{children}</QuoteFieldsContext.Provider>;
}

export function useQuoteFields(): QuoteFields {
  return useContext(QuoteFieldsContext);
}

/** Takes the operator to a field: focused, in the middle of the screen. */
export function goToField(name: string) {
  const element = document.getElementById(name);
  if (!element) return;
  element.scrollIntoView({ block: "center" });
  element.focus({ preventScroll: true });
}
