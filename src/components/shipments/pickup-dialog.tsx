"use client";
// Schedule (one or many ready shipments) or reschedule (an existing pickup) a carrier pickup.
// The rules are checked on the server against the carrier's; a refusal names the field and why.
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { reschedulePickupAction, schedulePickupAction } from "@/app/(dashboard)/shipments/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { nextBusinessDay } from "@/domain/holidays";
import { originNow } from "@/domain/local-time";

export type PickupTarget =
  | { mode: "schedule"; ids: string[]; carriers: string[] }
  | {
      mode: "reschedule";
      pickupId: string;
      carrier: string;
      confirmation: string;
      date: string;
      readyTime: string;
      closeTime: string;
    };

function PickupForm({ target, onDone }: { target: PickupTarget; onDone: (message: string) => void }) {
  const t = useTranslations("pickups");
  const [state, action, pending] = useActionState(
    target.mode === "schedule" ? schedulePickupAction : reschedulePickupAction,
    null,
  );
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const today = originNow().date;
  const defaults =
    target.mode === "reschedule" ? target : { date: nextBusinessDay(today), readyTime: "09:00", closeTime: "17:00" };
  const formError = state?.ok === false && !Object.keys(errors).some((key) => key !== "_form") ? state.formError : null;

  return (
    <form action={action} className="space-y-4" noValidate>
      {target.mode === "schedule" ? (
        target.ids.map((id) => <input key={id} type="hidden" name="ids" value={id} />)
      ) : (
        <input type="hidden" name="pickupId" value={target.pickupId} />
      )}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="pickup-date" label={t("date")} error={errors.date}>
        <Input
          id="pickup-date"
          name="date"
          type="date"
          min={today}
          required
          defaultValue={values.date ?? defaults.date}
          invalid={!!errors.date}
          aria-describedby={errors.date ? "pickup-date-error" : undefined}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="pickup-ready" label={t("readyTime")} error={errors.readyTime}>
          <Input
            id="pickup-ready"
            name="readyTime"
            type="time"
            required
            defaultValue={values.readyTime ?? defaults.readyTime}
            invalid={!!errors.readyTime}
            aria-describedby={errors.readyTime ? "pickup-ready-error" : undefined}
          />
        </Field>
        <Field id="pickup-close" label={t("closeTime")} error={errors.closeTime}>
          <Input
            id="pickup-close"
            name="closeTime"
            type="time"
            required
            defaultValue={values.closeTime ?? defaults.closeTime}
            invalid={!!errors.closeTime}
            aria-describedby={errors.closeTime ? "pickup-close-error" : undefined}
          />
        </Field>
      </div>
      <p className="text-xs text-slate-500">{t("rules")}</p>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {target.mode === "schedule" ? t("submit") : t("submitReschedule")}
        </Button>
      </div>
    </form>
  );
}

export function PickupDialog({
  target,
  onClose,
  onDone,
}: {
  target: PickupTarget | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("pickups");
  const common = useTranslations("common");
  const description = !target
    ? undefined
    : target.mode === "schedule"
      ? t("description", { count: target.ids.length, carriers: target.carriers.join(", ") })
      : t("rescheduleDescription", { carrier: target.carrier, confirmation: target.confirmation });
  return (
    <Dialog
      open={!!target}
      onClose={onClose}
      title={target?.mode === "reschedule" ? t("rescheduleTitle") : t("title")}
      description={description}
      closeLabel={common("close")}
    >
      {target ? <PickupForm target={target} onDone={onDone} /> : null}
    </Dialog>
  );
}
