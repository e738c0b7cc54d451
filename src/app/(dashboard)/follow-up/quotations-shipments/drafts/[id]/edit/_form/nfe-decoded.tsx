"use client";
// What a pasted NF-e key says (state, month, issuer, series, number), decoded as it is typed.
import { useTranslations } from "next-intl";
import { validateNfeKey } from "@/domain/nfe-key";

export function NfeDecoded({ value }: { value: string }) {
  const t = useTranslations("nfe");
  if (!value.trim()) return null;
  const result = validateNfeKey(value);
  // A key that is not valid has its one message under the field (invoice-section.tsx).
  if (!result.ok) return null;
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
