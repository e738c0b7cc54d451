"use client";
// "Record S10 code" on a Correios shipment with its documents issued: the code from the agency
// receipt, checked on the server (shape, then check digit) with the precise reason on the field.
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { FormAction } from "@/lib/action-result";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";

export interface S10Target {
  shipmentId: string;
  order: string;
}

function S10Form({
  target,
  recordS10,
  onClose,
  onDone,
}: {
  target: S10Target;
  recordS10: FormAction;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("correios");
  const [state, action, pending] = useActionState(recordS10, null);
  useEffect(() => {
    if (state?.ok) onDone(state.message ?? "");
  }, [state, onDone]);
  const failed = state?.ok === false ? state : null;
  const codeError = failed?.fieldErrors?.code;
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="shipmentId" value={target.shipmentId} />
      {failed?.formError ? <Alert tone="error">{failed.formError}</Alert> : null}
      <p className="text-sm text-slate-700">{t("dialogDescription", { order: target.order })}</p>
      <Field id="s10-code" label={t("codeLabel")} hint={t("codeHint")} error={codeError}>
        <Input
          id="s10-code"
          name="code"
          required
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          className="font-mono"
          defaultValue={failed?.values?.code ?? ""}
          invalid={!!codeError}
          aria-describedby={codeError ? "s10-code-error" : "s10-code-hint"}
        />
      </Field>
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

export function RecordS10Dialog({
  target,
  recordS10,
  onClose,
  onDone,
}: {
  target: S10Target | null;
  /** The server action, passed down from the route. */
  recordS10: FormAction;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("correios");
  const common = useTranslations("common");
  return (
    <Dialog open={!!target} onClose={onClose} title={t("dialogTitle")} closeLabel={common("close")}>
      {target ? <S10Form target={target} recordS10={recordS10} onClose={onClose} onDone={onDone} /> : null}
    </Dialog>
  );
}
