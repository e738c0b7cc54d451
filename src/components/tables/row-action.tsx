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
