"use client";
// A modal on the native <dialog> element: focus trap, Escape to close and the backdrop come
// from the browser, so keyboard users get the right behaviour without a library. The title and
// description take ids of their own (useId), so two dialogs mounted together each name their own.
// On a phone it fills the width less a margin and scrolls inside itself when taller than the screen.
import { X } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";

export function Dialog({
  open,
  onClose,
  title,
  description,
  closeLabel,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  closeLabel: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
    // The browser gives focus back to the opener on close; should it have fallen to the page itself
    // instead (closed by a state change rather than by Escape), it is put back on the opener.
    if (!open && opener.current) {
      const previous = opener.current;
      opener.current = null;
      if (previous.isConnected && (document.activeElement === document.body || !document.activeElement))
        previous.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className="m-auto max-h-[calc(100dvh-1.5rem)] w-[calc(100%-1.5rem)] max-w-lg overflow-y-auto rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <div className="p-4 sm:p-6">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} className="text-lg font-semibold text-slate-900">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="mt-1 text-sm text-slate-600">
                  {description}
                </p>
              ) : null}
            </div>
            <button
              type="button"
              onClick={onClose}
              className="-mt-1.5 -mr-1.5 shrink-0 rounded-md p-2 text-slate-500 hover:bg-slate-100 hover:text-slate-700"
              aria-label={closeLabel}
            >
              <X className="size-5" aria-hidden />
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
