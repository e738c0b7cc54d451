"use client";
// "Customs defaults & test orders" (admin): the incoterm and reason for export a store's shipments
// use when they have none of their own, what a sync does with Shopify test orders, and whether
// drafts are put on hold in Shopify while incomplete.
import { useTranslations } from "next-intl";
import { translateOr } from "@/i18n/message-keys";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { EXPORT_REASON_VALUES, INCOTERM_VALUES, TEST_ORDER_POLICIES } from "@/domain/customs-codes";
import type { StoreRow } from "@/server/queries/stores";
import { StoreDialog, type StoreDialogProps } from "./store-dialog";
import { updateStoreSettingsAction } from "./actions";

function SettingsForm({ store, onDone }: { store: StoreRow; onDone: (message: string) => void }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(updateStoreSettingsAction, null);
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  const values = state?.ok === false ? (state.values ?? {}) : {};
  const value = (name: string, stored: string | null) => values[name] ?? stored ?? "";
  // A refusal that belongs to no field (an unknown key, an unreadable form) is shown with the form's error.
  const formError = errors._form ?? (state?.ok === false ? state.formError : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="storeId" value={store.id} />
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="settings-defaultIncoterm" label={t("storeSettings.incoterm")} error={errors.defaultIncoterm}>
          <Select
            id="settings-defaultIncoterm"
            name="defaultIncoterm"
            defaultValue={value("defaultIncoterm", store.defaultIncoterm)}
            invalid={!!errors.defaultIncoterm}
          >
            <option value="">{t("storeSettings.none")}</option>
            {INCOTERM_VALUES.map((incoterm) => (
              <option key={incoterm} value={incoterm}>
                {t(`drafts.incoterms.${incoterm}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="settings-defaultExportReason"
          label={t("storeSettings.exportReason")}
          error={errors.defaultExportReason}
        >
          <Select
            id="settings-defaultExportReason"
            name="defaultExportReason"
            defaultValue={value("defaultExportReason", store.defaultExportReason)}
            invalid={!!errors.defaultExportReason}
          >
            <option value="">{t("storeSettings.none")}</option>
            {EXPORT_REASON_VALUES.map((reason) => (
              <option key={reason} value={reason}>
                {t(`drafts.reasons.${reason}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="sm:col-span-2">
          <Field
            id="settings-testOrders"
            label={t("storeSettings.testOrders")}
            error={errors.testOrders}
            hint={t("storeSettings.testOrdersHint")}
          >
            <Select
              id="settings-testOrders"
              name="testOrders"
              defaultValue={value("testOrders", store.testOrders)}
              invalid={!!errors.testOrders}
            >
              {TEST_ORDER_POLICIES.map((policy) => (
                <option key={policy} value={policy}>
                  {t(`storeSettings.policies.${policy}`)}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="sm:col-span-2">
          <Field
            id="settings-fulfillmentHolds"
            label={t("storeSettings.fulfillmentHolds")}
            error={errors.fulfillmentHolds}
            hint={t("storeSettings.fulfillmentHoldsHint")}
          >
            <Select
              id="settings-fulfillmentHolds"
              name="fulfillmentHolds"
              defaultValue={value("fulfillmentHolds", store.fulfillmentHolds ? "on" : "off")}
              invalid={!!errors.fulfillmentHolds}
            >
              <option value="on">{t("storeSettings.holds.on")}</option>
              <option value="off">{t("storeSettings.holds.off")}</option>
            </Select>
          </Field>
        </div>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? t("common.saving") : t("storeSettings.save")}
        </Button>
      </div>
    </form>
  );
}

export function StoreSettingsDialog({ store, onClose, onDone }: StoreDialogProps) {
  const t = useTranslations("storeSettings");
  return (
    <StoreDialog
      store={store}
      onClose={onClose}
      title={t("title")}
      description={(chosen) => t("description", { store: chosen.name })}
    >
      {(chosen) => <SettingsForm store={chosen} onDone={onDone} />}
    </StoreDialog>
  );
}

/** The Stores row's read-only view: "DAP · Sale" (or "No defaults") and the test-order policy. */
export function CustomsDefaultsSummary({ store }: { store: StoreRow }) {
  const t = useTranslations();
  const reason = store.defaultExportReason;
  const reasonLabel = reason && translateOr(t, `drafts.reasons.${reason}`, reason);
  const policy = store.testOrders === "import" ? "import" : "skip";
  return (
    <div className="space-y-0.5 whitespace-nowrap" data-testid="customs-defaults">
      <div className={store.defaultIncoterm || reason ? "text-slate-900" : "text-slate-400"}>
        {store.defaultIncoterm || reason
          ? `${store.defaultIncoterm ?? "—"} · ${reasonLabel ?? "—"}`
          : t("storeSettings.noDefaults")}
      </div>
      <div className="text-xs text-slate-500">{t(`storeSettings.policyShort.${policy}`)}</div>
      {/* May wrap: on a phone's card the column is narrower than the line in Portuguese. */}
      <div className="text-xs whitespace-normal text-slate-500">
        {t(store.fulfillmentHolds ? "storeSettings.holdsShort.on" : "storeSettings.holdsShort.off")}
      </div>
    </div>
  );
}
