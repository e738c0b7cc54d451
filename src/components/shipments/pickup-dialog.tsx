"use client";
// Schedule (one or many ready shipments) or reschedule (an existing pickup) a carrier pickup.
// The rules are checked on the server against the carrier's; a refusal names the field and why.
// The suggested date is the first weekday every selected store's pickup address is open on: the
// server sends each store's closed days, so the holiday rules stay out of the browser bundle.
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { FormAction } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { nextOpenDay } from "@/domain/calendar";
import { originNow } from "@/domain/local-time";
import type { PickupCalendar } from "@/lib/rows/pickup-calendar";

export type PickupTarget =
  | { mode: "schedule"; ids: string[]; storeIds: string[]; carriers: string[] }
  | {
      mode: "reschedule";
      storeIds: string[];
      pickupId: string;
      carrier: string;
      confirmation: string;
      date: string;
      readyTime: string;
      closeTime: string;
    };

type Calendars = Record<string, PickupCalendar>;

/** Whose holidays count for each selected store: its state and city, or national only without a state. */
function HolidayNotes({ calendars }: { calendars: PickupCalendar[] }) {
  const t = useTranslations("pickups");
  return (
    <ul className="space-y-1 text-xs text-slate-500" data-testid="pickup-holidays">
      {calendars.map(({ storeName, place }) => (
        <li key={storeName}>
          {!place
            ? t("holidaysNational", { store: storeName })
            : place.city
              ? t("holidaysCity", { store: storeName, state: place.state, city: place.city })
              : t("holidaysState", { store: storeName, state: place.state })}
        </li>
      ))}
    </ul>
  );
}

/** The server actions behind the dialog, passed down from the route. */
interface PickupActions {
  schedule: FormAction;
  reschedule: FormAction;
}

function PickupForm({
  target,
  calendars,
  actions,
  onDone,
}: {
  target: PickupTarget;
  calendars: PickupCalendar[];
  actions: PickupActions;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("pickups");
  const [state, action, pending] = useActionState(
    target.mode === "schedule" ? actions.schedule : actions.reschedule,
    null,
  );
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const today = originNow().date;
  const closed = new Set(calendars.flatMap((calendar) => calendar.closed));
  const defaults =
    target.mode === "reschedule"
      ? target
      : { date: nextOpenDay(today, closed), readyTime: "09:00", closeTime: "17:00" };
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
      <p className="text-xs text-slate-500">{t("throughAccount")}</p>
      <HolidayNotes calendars={calendars} />
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
  calendars,
  actions,
  onClose,
  onDone,
}: {
  target: PickupTarget | null;
  /** Each store's holidays at its pickup address, by store id. */
  calendars: Calendars;
  actions: PickupActions;
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
      {target ? (
        <PickupForm
          target={target}
          calendars={target.storeIds.flatMap((id) => (calendars[id] ? [calendars[id]] : []))}
          actions={actions}
          onDone={onDone}
        />
      ) : null}
    </Dialog>
  );
}
