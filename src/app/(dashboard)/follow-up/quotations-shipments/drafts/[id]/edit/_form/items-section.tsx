"use client";
// One fieldset per line item; the SKU travels hidden so the save keeps it.
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { DraftField } from "./draft-field";
import type { DraftItem } from "./missing-field-input";

export function ItemsSection({ items }: { items: DraftItem[] }) {
  const t = useTranslations();
  return (
    <Card className="p-5">
      <h2 className="mb-4 text-sm font-semibold tracking-wide text-slate-900 uppercase">
        {t("drafts.sections.items")}
      </h2>
      <div className="space-y-5">
        {items.map((item, index) => (
          <ItemFields key={index} item={item} index={index} />
        ))}
      </div>
    </Card>
  );
}

function ItemFields({ item, index }: { item: DraftItem; index: number }) {
  const t = useTranslations();
  const name = (key: string) => `items.${index}.${key}`;
  return (
    <fieldset className="grid gap-4 border-t border-slate-100 pt-4 first:border-0 first:pt-0 sm:grid-cols-6">
      <legend className="sr-only">{t("drafts.item", { number: index + 1 })}</legend>
      <input type="hidden" name={name("sku")} value={item.sku == null ? "" : String(item.sku)} />
      <div className="sm:col-span-3">
        <DraftField name={name("description")} label={t("fields.itemDescription")} fallback={item.description} />
      </div>
      <div className="sm:col-span-3">
        <DraftField name={name("hsCode")} label={t("fields.hsCode")} fallback={item.hsCode} inputMode="numeric" />
      </div>
      <div className="sm:col-span-1">
        <DraftField name={name("quantity")} label={t("drafts.quantity")} fallback={item.quantity} inputMode="numeric" />
      </div>
      <div className="sm:col-span-2">
        <DraftField
          name={name("unitValue")}
          label={t("fields.unitValue")}
          fallback={item.unitValue}
          inputMode="decimal"
        />
      </div>
      <div className="sm:col-span-1">
        <DraftField
          name={name("originCountry")}
          label={t("fields.originCountry")}
          fallback={item.originCountry}
          maxLength={2}
        />
      </div>
      <div className="sm:col-span-2">
        <DraftField
          name={name("weightKg")}
          label={t("drafts.itemWeight")}
          fallback={item.weightKg}
          inputMode="decimal"
        />
      </div>
    </fieldset>
  );
}
