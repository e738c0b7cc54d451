"use client";
import { useTranslations } from "next-intl";
import { DraftField } from "./draft-field";
import { FormSection } from "./form-section";

const DIMENSIONS = ["lengthCm", "widthCm", "heightCm"] as const;

/** The parcel's weight and its three dimensions side by side. */
export function ParcelSection({ parcel }: { parcel: Record<string, number | null> }) {
  const t = useTranslations();
  return (
    <FormSection title={t("drafts.sections.parcel")}>
      <DraftField
        name="parcel.weightKg"
        label={t("drafts.parcelWeight")}
        fallback={parcel.weightKg}
        inputMode="decimal"
      />
      <div className="grid grid-cols-3 gap-2">
        {DIMENSIONS.map((dimension) => (
          <div key={dimension}>
            <DraftField
              name={`parcel.${dimension}`}
              label={t(`drafts.${dimension}`)}
              fallback={parcel[dimension]}
              inputMode="decimal"
            />
          </div>
        ))}
      </div>
    </FormSection>
  );
}
