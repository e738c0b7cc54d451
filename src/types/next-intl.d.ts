import type { Locale } from "@/domain/roles";
import type { Messages } from "@/i18n/message-keys";

// Message keys (useTranslations, getTranslations, t.has) are checked against the English messages;
// src/i18n/messages.test.ts keeps pt-BR.json to the same keys.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
