"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { CARRIERS } from "@/domain/carrier-registry";
import type { RateCard, ZoneId } from "@/domain/quotes";
import { saveRateCardAction } from "./actions";

const COLUMNS = ["baseUpToKg", "basePrice", "perAdditionalKg", "transitMin", "transitMax"] as const;

export function RateCardForm({
  card,
  zoneIds,
}: {
  card: RateCard & { id: string; isDefault: boolean };
  zoneIds: ZoneId[];
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(saveRateCardAction, null);
  const errors = state?.ok === false ? (state.fieldErrors ?? {}) : {};
  return (
    <Card className="p-5">
      <form action={action} className="space-y-3" aria-label={`${CARRIERS[card.carrier].name} ${card.service}`}>
        <input type="hidden" name="id" value={card.id} />
        <div className="flex items-center justify-between gap-2">
          <h2 className="text-base font-semibold text-slate-900">
            {CARRIERS[card.carrier].name} · {card.service}
          </h2>
          {card.isDefault ? (
            <Badge tone="amber">{t("rateCards.exampleBadge")}</Badge>
          ) : (
            <Badge tone="green">{t("rateCards.ownBadge")}</Badge>
          )}
        </div>
        {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
        {state?.ok === false ? <Alert tone="error">{Object.values(errors)[0] ?? state.formError}</Alert> : null}
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500 uppercase">
                <th className="py-2 pr-3">{t("rateCards.zone")}</th>
                {COLUMNS.map((column) => (
                  <th key={column} className="py-2 pr-3">
                    {t(`rateCards.columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {zoneIds.map((zone) => {
                const rate = card.zones[zone];
                if (!rate) return null;
                const values = { ...rate, transitMin: rate.transitDays[0], transitMax: rate.transitDays[1] };
                return (
                  <tr key={zone}>
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium text-slate-700">
                      {t(`rateCards.zones.${zone}`)}
                    </th>
                    {COLUMNS.map((column) => {
                      const name = `zones.${zone}.${column}`;
                      return (
                        <td key={column} className="py-1.5 pr-3">
                          <Input
                            name={name}
                            aria-label={`${t(`rateCards.zones.${zone}`)} ${t(`rateCards.columns.${column}`)}`}
                            defaultValue={String(values[column])}
                            inputMode="decimal"
                            invalid={!!errors[name]}
                            className="w-28"
                          />
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="flex justify-end">
          <Button type="submit" size="sm" disabled={pending}>
            {t("rateCards.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
