"use client";
// "Check now" on the shipment page: asks the carrier for this one shipment through the same poll
// the schedule runs, and says what it found.
import { RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { FormAction } from "@/lib/action-result";
import { Button } from "@/components/ui/button";

export function CheckTrackingButton({ shipmentId, checkTracking }: { shipmentId: string; checkTracking: FormAction }) {
  const t = useTranslations("tracking");
  const [state, action, pending] = useActionState(checkTracking, null);
  const message = state ? (state.ok ? state.message : state.formError) : null;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="shipmentId" value={shipmentId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        <RefreshCw className={pending ? "size-4 animate-spin" : "size-4"} aria-hidden />
        {pending ? t("checking") : t("checkNow")}
      </Button>
      <p role="status" className={state?.ok === false ? "text-sm text-amber-800" : "text-sm text-slate-600"}>
        {message}
      </p>
    </form>
  );
}
