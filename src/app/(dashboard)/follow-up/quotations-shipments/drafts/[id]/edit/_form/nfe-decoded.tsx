"use client";
// What a pasted NF-e key says (state, month, issuer, series, number), decoded as it is typed, or
// the exact reason it is refused.
import { useTranslations } from "next-intl";
import { validateNfeKey } from "@/domain/nfe-key";

export function NfeDecoded({ value }: { value: string }) {
  const t = useTranslations("nfe");
  if (!value.trim()) return null;
  const result = validateNfeKey(value);
  if (!result.ok) {
    return (
      <p className="text-sm text-red-600" role="alert" data-testid="nfe-error">
        {t(`errors.${result.error.code}`, result.error.values ?? {})}
      </p>
    );
  }
  const { decoded } = result;
  return (
    <dl
      className="grid grid-cols-2 gap-x-4 gap-y-1 rounded-md bg-emerald-50 p-3 text-xs text-emerald-900 sm:grid-cols-3"
      data-testid="nfe-decoded"
    >
      <div>
        <dt className="font-medium">{t("state")}</dt>
        <dd>
          {decoded.state.uf} · {decoded.state.name}
        </dd>
      </div>
      <div>
        <dt className="font-medium">{t("issued")}</dt>
        <dd>
          {String(decoded.month).padStart(2, "0")}/{decoded.year}
        </dd>
      </div>
      <div>
        <dt className="font-medium">{t("issuer")}</dt>
        <dd>{decoded.cnpjFormatted}</dd>
      </div>
      <div>
        <dt className="font-medium">{t("series")}</dt>
        <dd>{decoded.series}</dd>
      </div>
      <div>
        <dt className="font-medium">{t("number")}</dt>
        <dd>{decoded.number}</dd>
      </div>
    </dl>
  );
}
