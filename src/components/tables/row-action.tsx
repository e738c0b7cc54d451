"use client";
// The one look of a table row's action: an icon and a visible label, so what a button does reads
// without hovering. The accessible name adds the row ("Schedule pickup #1012"), since a screen
// reader's list of buttons has no row around it. A button or a link, as the action needs.
import Link from "next/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";
import { buttonClasses, type ButtonVariant } from "@/components/ui/button";

interface RowActionLook {
  /** What the button says. */
  label: string;
  /** The full accessible name, naming the row (also the tooltip). */
  name: string;
  icon: ReactNode;
  variant?: ButtonVariant;
}

export function RowActionButton({
  label,
  name,
  icon,
  variant = "secondary",
  type = "button",
  ...props
}: RowActionLook & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "children" | "aria-label">) {
  return (
    <button type={type} className={buttonClasses(variant, "sm")} aria-label={name} title={name} {...props}>
      {icon}
      {label}
    </button>
  );
}

export function RowActionLink({ label, name, icon, variant = "secondary", href }: RowActionLook & { href: string }) {
  return (
    <Link href={href} className={buttonClasses(variant, "sm")} aria-label={name} title={name}>
      {icon}
      {label}
    </Link>
  );
}

/** A row's actions, right-aligned, wrapping onto a second line rather than widening the table. */
export function RowActionGroup({ children }: { children: ReactNode }) {
  return <div className="ml-auto flex max-w-64 flex-wrap items-center justify-end gap-1.5">{children}</div>;
}

/**
 * Where a row has no room for labels (Stores: five actions beside wide columns), an icon button
 * whose label shows as a tooltip on hover and on keyboard focus, not only as a title.
 */
export function WithTooltip({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span className="group relative inline-flex">
      {children}
      <span
        role="tooltip"
        className="pointer-events-none absolute top-full right-0 z-20 mt-1 hidden rounded-md bg-slate-900 px-2 py-1 text-xs font-medium whitespace-nowrap text-white shadow-md group-focus-within:block group-hover:block"
      >
        {label}
      </span>
    </span>
  );
}
