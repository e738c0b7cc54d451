"use client";
// What makes a draft a draft, in the operator's language: one sentence per problem, with the
// figures behind it (the US$ conversion and its PTAX rate, the key's wrong check digit, …).
import { useTranslations } from "next-intl";
import { translateOr } from "@/i18n/message-keys";
import type { ShipmentProblem } from "@/domain/shipment-problem";
import { problemMessage } from "@/domain/problem-messages";
import { cn } from "@/components/ui/cn";

function useProblemText() {
  const t = useTranslations();
  return (problem: ShipmentProblem) => {
    const { key, values, labelKey } = problemMessage(problem);
    const label = translateOr(t, labelKey, problem.field);
    return translateOr(t, key, label, { ...values, label });
  };
}

export function ProblemList({
  problems,
  className,
  compact = false,
  testId = "draft-reasons",
}: {
  problems: readonly ShipmentProblem[];
  className?: string;
  /** A table cell's form: small, no bullets. */
  compact?: boolean;
  testId?: string;
}) {
  const text = useProblemText();
  if (problems.length === 0) return null;
  // The same sentence for several lines (three items without HS code) is said once.
  const sentences = [...new Set(problems.map(text))];
  return (
    <ul
      className={cn(compact ? "space-y-0.5 text-xs text-slate-600" : "list-disc space-y-0.5 pl-5 text-sm", className)}
      data-testid={testId}
    >
      {sentences.map((sentence) => (
        <li key={sentence}>{sentence}</li>
      ))}
    </ul>
  );
}
