import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { MobileNav, Sidebar } from "@/components/shell/sidebar";
import { LabelFormatProvider, LabelFormatSetting } from "@/components/shell/label-format-setting";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ReconnectBanner } from "@/components/shell/reconnect-banner";
import { KeyboardShortcuts } from "@/components/shortcuts/keyboard-shortcuts";
import { SyncProvider } from "@/components/sync/sync-provider";
import { requireUser } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { userLabelFormat } from "@/server/queries/users";
import { cachedStoresNeedingReconnect } from "@/server/queries/cached";
import { switchLocale } from "../locale-actions";
import { setLabelFormatAction } from "./preferences-actions";
import { signOutAction } from "./session-actions";
import { syncOrdersAction } from "./sync-runs/actions";

// The layout's check is for navigation only; every page and action checks again itself.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const db = await getDb();
  const [t, brokenStores, labelFormat] = await Promise.all([
    getTranslations(),
    cachedStoresNeedingReconnect(db),
    userLabelFormat(db, user.id),
  ]);
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        {t("nav.skipToContent")}
      </a>
      <Sidebar isAdmin={user.role === "admin"} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="relative flex h-14 items-center justify-end gap-2 border-b border-slate-200 bg-white px-4 sm:gap-4 md:px-6">
          <div className="mr-auto">
            <MobileNav isAdmin={user.role === "admin"} />
          </div>
          <KeyboardShortcuts isAdmin={user.role === "admin"} />
          <LocaleSwitcher switchLocale={switchLocale} />
          <div className="hidden h-6 w-px bg-slate-200 sm:block" aria-hidden />
          <div className="hidden text-right text-sm leading-tight sm:block" data-testid="current-user">
            <div className="font-medium text-slate-900">{user.name}</div>
            <div className="text-xs text-slate-500">{t(`roles.${user.role}`)}</div>
          </div>
          <LabelFormatSetting format={labelFormat} setFormat={setLabelFormatAction} />
          <SignOutButton action={signOutAction} />
        </header>
        <ReconnectBanner stores={brokenStores} isAdmin={user.role === "admin"} />
        <main id="main" className="min-w-0 flex-1 px-4 py-4 sm:py-6 md:px-6 lg:px-8">
          <SyncProvider syncOrders={syncOrdersAction}>
            <LabelFormatProvider format={labelFormat} setFormat={setLabelFormatAction}>
              {children}
            </LabelFormatProvider>
          </SyncProvider>
        </main>
      </div>
    </div>
  );
}
