"use client";
// The keyboard shortcuts of the dashboard (keymap.ts): one keydown listener for the whole shell,
// the "?" list, and the shell's discreet hint that opens it (hidden on touch-size screens, where
// there is no keyboard to use them with). Keys are read from `event.key`, the character the layout
// typed, so "/" and "?" work on a Brazilian ABNT2 keyboard as on a US one. Nothing fires while the
// user types in a field, holds Ctrl, ⌘ or Alt (the browser's and the screen reader's own
// shortcuts), or works in a dialog.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { IDLE, pressKey, type SequenceState } from "./key-sequence";
import { shortcutsFor, type ShortcutAction } from "./keymap";
import { Kbd, ShortcutsDialog } from "./shortcuts-dialog";
import { editDraft, focusSearch, moveRow, openRow, toggleRow } from "./table-rows";

/** Whether the key goes to something the user types in (a checkbox or a button is not). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "image", "file", "color", "range"].includes(target.type);
  }
  return false;
}

/** Letters as typed without Shift, whether Caps Lock is on or not; every other key as it comes. */
function keyOf(event: KeyboardEvent): string {
  return event.key.length === 1 ? event.key.toLowerCase() : event.key;
}

export function KeyboardShortcuts({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("shortcuts");
  const router = useRouter();
  const [helpOpen, setHelpOpen] = useState(false);
  const sequence = useRef<SequenceState>(IDLE);
  const shortcuts = useMemo(() => shortcutsFor(isAdmin), [isAdmin]);

  useEffect(() => {
    const actions = new Map<string, ShortcutAction>();
    for (const shortcut of shortcuts) if (shortcut.action) actions.set(shortcut.keys, shortcut.action);
    const bindings = [...actions.keys()];

    function run(action: ShortcutAction): boolean {
      switch (action.kind) {
        case "go":
          router.push(action.href);
          return true;
        case "search":
          return focusSearch();
        case "row":
          return moveRow(action.move);
        case "openRow":
          return openRow();
        case "toggleRow":
          return toggleRow();
        case "editDraft":
          return editDraft();
        case "help":
          setHelpOpen(true);
          return true;
      }
    }

    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
      const key = keyOf(event);
      // Enter belongs to whatever has the focus, except a highlighted row (which has no action of its own).
      if (key === "Enter" && !(event.target instanceof HTMLElement && event.target.matches("[data-table-row]"))) return;
      const { state, match } = pressKey(sequence.current, key, event.timeStamp, bindings);
      sequence.current = state;
      const action = match ? actions.get(match) : undefined;
      if (action && run(action)) event.preventDefault();
    }

    document.addEventListener("keydown", onKeyDown);
    // Says the keys work from now on (before hydration they do nothing); tests wait for it.
    document.documentElement.dataset.shortcuts = "on";
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      delete document.documentElement.dataset.shortcuts;
    };
  }, [shortcuts, router]);

  return (
    <>
      <button
        type="button"
        onClick={() => setHelpOpen(true)}
        aria-keyshortcuts="?"
        title={t("hintLabel")}
        className="hidden items-center gap-1 rounded-md px-2 py-1 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-500 lg:inline-flex"
        data-testid="shortcuts-hint"
      >
        {t.rich("hint", { key: (chunks) => <Kbd>{chunks}</Kbd> })}
      </button>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} shortcuts={shortcuts} />
    </>
  );
}
