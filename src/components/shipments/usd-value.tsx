"use client";
// The declared value and its US$ equivalent for the US$ 1,000 simplified-export limit, with the
// PTAX rate it was converted with (date, rate, source): the operator sees why a key is or is not
// required.
import { useFormatter, useTranslations } from "next-intl";
import type { ExchangeRateUsed } from "@/domain/exchange-rates";

export interface UsdValueProps {
  declaredValue: string | null;
  currency: string | null;
  usdCents: number | null;
  rate: ExchangeRateUsed | null;
}

export function UsdValue({ declaredValue, currency, usdCents, rate }: UsdValueProps) {
  const t = useTranslations("exchangeRates");
  const format = useFormatter();
  if (declaredValue === null || currency === null) return null;
  const money = (amount: number, code: string) => format.number(amount, { style: "currency", currency: code });
  const declared = money(Number(declaredValue), currency);
  return (
    <div className="rounded-md bg-slate-50 p-3 text-sm text-slate-700 sm:col-span-2" data-testid="usd-value">
      {usdCents === null ? (
        <p>{t("unknown", { declared })}</p>
      ) : rate === null ? (
        <p>{t("inUsd", { declared })}</p>
      ) : (
        <>
          <p className="font-medium text-slate-900">
            {t("converted", { declared, usd: money(usdCents / 100, "USD") })}
          </p>
          <p className="text-xs text-slate-600">
            {rate.currency === "BRL"
              ? t("rateBrl", { rate: rate.usdBuyBrl, date: rate.date })
              : t("rateCross", {
                  currency: rate.currency,
                  rate: rate.buyBrl,
                  usdRate: rate.usdBuyBrl,
                  date: rate.date,
                })}
          </p>
        </>
      )}
    </div>
  );
}
