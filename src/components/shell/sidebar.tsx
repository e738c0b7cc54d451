"use client";
import { ClipboardList, History, KeyRound, Menu, Package, Store, Truck, Users, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ComponentType } from "react";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";

interface NavItem {
  href: string;
  label: string;
  icon: ComponentType<{ className?: string }>;
}

function NavLink({ item, nested = false }: { item: NavItem; nested?: boolean }) {
  const pathname = usePathname();
  const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
  const Icon = item.icon;
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium transition-colors max-md:min-h-11",
        "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500",
        nested && "ml-3",
        active ? "bg-white/10 text-white" : "text-slate-300 hover:bg-white/5 hover:text-white",
      )}
    >
      <Icon className="size-4 shrink-0" aria-hidden />
      {item.label}
    </Link>
  );
}

/** The menu itself, shared by the desktop sidebar and the mobile drawer. */
function MainNav({ isAdmin, idPrefix }: { isAdmin: boolean; idPrefix: string }) {
  const t = useTranslations("nav");
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-1">
      <NavLink item={{ href: "/shipments", label: t("shipments"), icon: Truck }} />
      <div
        className="mt-3 mb-1 px-2.5 text-xs font-semibold tracking-wide text-slate-500 uppercase"
        id={`${idPrefix}-follow-up`}
      >
        {t("followUp")}
      </div>
      <div role="group" aria-labelledby={`${idPrefix}-follow-up`} className="flex flex-col gap-1">
        <NavLink
          nested
          item={{ href: "/follow-up/quotations-shipments", label: t("quotationsShipments"), icon: ClipboardList }}
        />
      </div>
      <div className="my-3 h-px bg-white/10" aria-hidden />
      <NavLink item={{ href: "/stores", label: t("stores"), icon: Store }} />
      <NavLink item={{ href: "/sync-runs", label: t("syncHistory"), icon: History }} />
      {isAdmin ? <NavLink item={{ href: "/carrier-accounts", label: t("carrierAccounts"), icon: KeyRound }} /> : null}
      {isAdmin ? <NavLink item={{ href: "/users", label: t("users"), icon: Users }} /> : null}
    </nav>
  );
}

function Brand() {
  const app = useTranslations("app");
  return (
    <div className="flex items-center gap-2 px-2.5 text-white">
      <div className="rounded-lg bg-brand-500 p-1.5">
        <Package className="size-5" aria-hidden />
      </div>
      <span className="text-base font-semibold">{app("name")}</span>
    </div>
  );
}

export function Sidebar({ isAdmin }: { isAdmin: boolean }) {
  return (
    <aside className="hidden w-64 shrink-0 flex-col gap-6 bg-slate-900 px-3 py-4 md:flex">
      <Brand />
      <MainNav isAdmin={isAdmin} idPrefix="sidebar" />
    </aside>
  );
}

/**
 * Below the md breakpoint the sidebar folds into a menu button in the header. The menu opens as a
 * drawer on a native modal <dialog>: the page behind is inert, Escape and a tap beside the drawer
 * close it, and the browser hands focus back to the Menu button.
 */
export function MobileNav({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const drawer = useRef<HTMLDialogElement>(null);
  // A navigation closes the menu: adjusted while rendering, so the new page never shows it open.
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setOpen(false);
  }
  useEffect(() => {
    const dialog = drawer.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <div className="md:hidden">
      <Button variant="ghost" size="sm" aria-expanded={open} aria-controls="mobile-nav" onClick={() => setOpen(!open)}>
        <Menu className="size-5" aria-hidden />
        {t("menu")}
      </Button>
      <dialog
        ref={drawer}
        id="mobile-nav"
        aria-label={t("label")}
        onClose={() => setOpen(false)}
        // A tap on the backdrop lands on the dialog element itself, never on the drawer inside it.
        onClick={(event) => {
          if (event.target === event.currentTarget) setOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-slate-900 p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        {open ? (
          <div className="flex h-full flex-col gap-6 overflow-y-auto px-3 py-4">
            <div className="flex items-center justify-between gap-2">
              <Brand />
              <button
                type="button"
                onClick={() => setOpen(false)}
                className="flex size-10 items-center justify-center rounded-md text-slate-300 hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-brand-500"
                aria-label={t("closeMenu")}
              >
                <X className="size-5" aria-hidden />
              </button>
            </div>
            <MainNav isAdmin={isAdmin} idPrefix="mobile" />
          </div>
        ) : null}
      </dialog>
    </div>
  );
}
