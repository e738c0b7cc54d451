"use client";
import { useTranslations } from "next-intl";
import { DraftField } from "./draft-field";
import { FormSection } from "./form-section";

/** Who receives the parcel abroad: name, contact and address. */
export function RecipientSection({ recipient }: { recipient: Record<string, string | null> }) {
  const t = useTranslations();
  return (
    <FormSection title={t("drafts.sections.recipient")}>
      <DraftField name="recipient.name" label={t("fields.recipientName")} fallback={recipient.name} />
      <DraftField name="recipient.company" label={t("drafts.company")} fallback={recipient.company} />
      <DraftField
        name="recipient.phone"
        label={t("fields.recipientPhone")}
        fallback={recipient.phone}
        type="tel"
        placeholder="+1 415 555 0100"
      />
      <DraftField name="recipient.email" label={t("drafts.email")} fallback={recipient.email} type="email" />
      <DraftField name="recipient.address1" label={t("fields.address")} fallback={recipient.address1} />
      <DraftField name="recipient.address2" label={t("drafts.address2")} fallback={recipient.address2} />
      <DraftField name="recipient.city" label={t("drafts.city")} fallback={recipient.city} />
      <DraftField name="recipient.provinceCode" label={t("fields.state")} fallback={recipient.provinceCode} />
      <DraftField name="recipient.postalCode" label={t("fields.postalCode")} fallback={recipient.postalCode} />
      <DraftField
        name="recipient.countryCode"
        label={t("drafts.country")}
        fallback={recipient.countryCode}
        maxLength={2}
      />
    </FormSection>
  );
}
