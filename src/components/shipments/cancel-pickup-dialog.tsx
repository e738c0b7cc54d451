"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import type { FormAction } from "@/server/auth/submit-form";

export interface CancelTarget {
  pickupId: string;
  confirmation: string;
  date: string;
}

function CancelForm({
  target,
  cancelPickup,
  onClose,
  onDone,
}: {
  target: CancelTarget;
  cancelPickup: FormAction;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("pickups");
  const format = useFormatter();
  const [state, action, pending] = useActionState(cancelPickup, null);
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  const date = format.dateTime(new Date(`${target.date}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="pickupId" value={target.pickupId} />
      {state?.ok === false ? <Alert tone="error">{state.formError}</Alert> : null}
      <p className="text-sm text-slate-700">{t("cancelBody", { confirmation: target.confirmation, date })}</p>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {t("keep")}
        </Button>
        <Button type="submit" variant="danger" disabled={pending}>
          {t("cancelConfirm")}
        </Button>
      </div>
    </form>
  );
}

export function CancelPickupDialog({
  target,
  cancelPickup,
  onClose,
  onDone,
}: {
  target: CancelTarget | null;
  /** The server action, passed down from the route. */
  cancelPickup: FormAction;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("pickups");
  const common = useTranslations("common");
  return (
    <Dialog open={!!target} onClose={onClose} title={t("cancelTitle")} closeLabel={common("close")}>
      {target ? <CancelForm target={target} cancelPickup={cancelPickup} onClose={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}
