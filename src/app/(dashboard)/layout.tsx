import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { Sidebar } from "@/components/shell/sidebar";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { requireUser } from "@/server/auth/session";

// The layout's check is for navigation only; every page and action checks again itself.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen">
      <Sidebar isAdmin={user.role === "admin"} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-end gap-4 border-b border-slate-200 bg-white px-6">
          <LocaleSwitcher />
          <div className="h-6 w-px bg-slate-200" aria-hidden />
          <div className="text-right text-sm leading-tight" data-testid="current-user">
            <div className="font-medium text-slate-900">{user.name}</div>
            <div className="text-xs text-slate-500">{t(`roles.${user.role}`)}</div>
          </div>
          <SignOutButton />
        </header>
        <main className="flex-1 px-6 py-6 lg:px-8">{children}</main>
      </div>
    </div>
  );
}
