"use client";
// The "?" list: every shortcut the user has, grouped, each key shown as the key cap to press.
import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { Dialog } from "../ui/dialog";
import { SHORTCUT_GROUPS, type Shortcut } from "./keymap";

export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-flex min-w-6 items-center justify-center rounded border border-slate-300 border-b-2 bg-slate-50 px-1.5 py-0.5 font-mono text-xs font-medium text-slate-700">
      {children}
    </kbd>
  );
}

function Keys({ keys }: { keys: string }) {
  const t = useTranslations("shortcuts");
  const parts = keys.split(" ");
  return (
    <span className="flex shrink-0 items-center gap-1 text-xs text-slate-500">
      {parts.map((key, index) => (
        <Fragment key={index}>
          {index > 0 ? <span>{t("then")}</span> : null}
          <Kbd>{key === "Escape" ? "Esc" : key}</Kbd>
        </Fragment>
      ))}
    </span>
  );
}

export function ShortcutsDialog({
  open,
  onClose,
  shortcuts,
}: {
  open: boolean;
  onClose: () => void;
  shortcuts: readonly Shortcut[];
}) {
  const t = useTranslations("shortcuts");
  const common = useTranslations("common");
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("title")}
      description={t("description")}
      closeLabel={common("close")}
    >
      <div className="space-y-5" data-testid="shortcuts-list">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`} className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {t(`groups.${group}`)}
            </h3>
            <dl className="space-y-1.5">
              {shortcuts
                .filter((shortcut) => shortcut.group === group)
                .map((shortcut) => (
                  <div
                    key={shortcut.keys}
                    className="flex items-center justify-between gap-3 text-sm"
                    data-testid="shortcut"
                  >
                    <dt className="text-slate-700">{t(`actions.${shortcut.label}`)}</dt>
                    <dd>
                      <Keys keys={shortcut.keys} />
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
