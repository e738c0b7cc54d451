"use client";
// Carrier, service and the customs terms (incoterm, reason for export), which fall back to the
// store's defaults.
import { useTranslations } from "next-intl";
import { Field, Select } from "@/components/ui/field";
import { CARRIER_IDS, CARRIERS } from "@/domain/carrier-registry";
import { CustomsTermSelect } from "./customs-term-select";
import { DraftField, useDraftFields } from "./draft-field";
import { FormSection } from "./form-section";

export function ShippingSection({
  shipment,
}: {
  shipment: {
    carrier: string | null;
    service: string | null;
    incoterm: string | null;
    exportReason: string | null;
    storeDefaults: { incoterm: string | null; exportReason: string | null };
  };
}) {
  const t = useTranslations();
  const { errors, invalid, value } = useDraftFields();
  return (
    <FormSection title={t("drafts.sections.shipping")}>
      <Field id="carrier" label={t("fields.carrier")} error={errors.carrier}>
        <Select
          id="carrier"
          name="carrier"
          defaultValue={value("carrier", shipment.carrier)}
          invalid={invalid("carrier")}
        >
          <option value="">{t("drafts.choose")}</option>
          {CARRIER_IDS.map((carrier) => (
            <option key={carrier} value={carrier}>
              {CARRIERS[carrier].name}
            </option>
          ))}
        </Select>
      </Field>
      <DraftField name="service" label={t("fields.service")} fallback={shipment.service} />
      <CustomsTermSelect
        name="incoterm"
        initial={value("incoterm", shipment.incoterm)}
        storeDefault={shipment.storeDefaults.incoterm}
        error={errors.incoterm}
        invalid={invalid("incoterm")}
      />
      <CustomsTermSelect
        name="exportReason"
        initial={value("exportReason", shipment.exportReason)}
        storeDefault={shipment.storeDefaults.exportReason}
        error={errors.exportReason}
        invalid={invalid("exportReason")}
      />
    </FormSection>
  );
}
