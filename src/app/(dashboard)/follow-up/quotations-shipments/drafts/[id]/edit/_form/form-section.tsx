import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled card of Edit Draft whose fields sit two to a row on wider screens. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="p-5">
      <h2 className="mb-4 text-sm font-semibold tracking-wide text-slate-900 uppercase">{title}</h2>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </Card>
  );
}
