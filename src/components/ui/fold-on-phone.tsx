"use client";
// A card section that a phone shows folded (its heading and a Show button) and a wider screen
// always shows open: on a phone it would otherwise push what the page is for below the fold.
import { ChevronDown } from "lucide-react";
import { useId, useState, type ReactNode } from "react";
import { cn } from "./cn";

export function FoldOnPhone({
  heading,
  aside,
  showLabel,
  hideLabel,
  children,
}: {
  heading: ReactNode;
  /** Beside the heading when open (a legend). */
  aside?: ReactNode;
  showLabel: string;
  hideLabel: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {heading}
        {aside ? <div className={cn(!open && "max-sm:hidden")}>{aside}</div> : null}
        <button
          type="button"
          className="-my-2 -mr-2 flex min-h-10 items-center gap-1 rounded-md px-2 text-sm font-medium text-brand-700 hover:bg-slate-100 sm:hidden"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? hideLabel : showLabel}
          <ChevronDown className={cn("size-4 transition-transform", open && "rotate-180")} aria-hidden />
        </button>
      </div>
      <div id={bodyId} className={cn(!open && "max-sm:hidden")}>
        {children}
      </div>
    </>
  );
}
