"use client";
// "Views": every saved view of the table, to apply (a link), pin or unpin, rename or delete.
import { Pencil, Pin, PinOff, Trash2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { SAVED_VIEW_NAME_MAX, type SavedViewTable } from "@/domain/saved-views";
import type { ActionResult, FormAction } from "@/lib/action-result";
import type { SavedViewRow } from "@/lib/rows/saved-views";
import { viewHref } from "@/lib/table/views";
import { Button } from "../ui/button";
import { Input } from "../ui/field";

/** The server actions behind the saved-views strip, given by the route. */
export interface SavedViewActions {
  save: FormAction;
  rename: FormAction;
  pin: FormAction;
  remove: FormAction;
}

/** A form action that also reports its success message to the strip. */
function useReportingAction(action: FormAction, onNotice: (message: string) => void) {
  return useActionState(async (previous: ActionResult | null, form: FormData) => {
    const result = await action(previous, form);
    if (result.ok && result.message) onNotice(result.message);
    return result;
  }, null);
}

function errorOf(state: ActionResult | null): string | undefined {
  if (state?.ok !== false) return undefined;
  return state.fieldErrors?.name ?? state.formError;
}

const ROW_BUTTON = "max-sm:h-10 max-sm:px-3";

function ViewItem({
  table,
  view,
  active,
  actions,
  onApply,
  onNotice,
}: {
  table: SavedViewTable;
  view: SavedViewRow;
  active: boolean;
  actions: SavedViewActions;
  onApply: () => void;
  onNotice: (message: string) => void;
}) {
  const t = useTranslations("savedViews");
  const common = useTranslations("common");
  const [renaming, setRenaming] = useState(false);
  const [pinState, pin, pinning] = useReportingAction(actions.pin, onNotice);
  const [removeState, remove, removing] = useReportingAction(actions.remove, onNotice);
  const [renameState, rename, renamingPending] = useReportingAction(async (previous, form) => {
    const result = await actions.rename(previous, form);
    if (result.ok) setRenaming(false);
    return result;
  }, onNotice);
  const error = errorOf(renameState) ?? errorOf(pinState) ?? errorOf(removeState);
  const errorId = `saved-view-${view.id}-error`;

  return (
    <li className="py-3" data-testid="saved-view">
      {renaming ? (
        <form action={rename} className="flex flex-wrap items-center gap-2" noValidate>
          <input type="hidden" name="viewId" value={view.id} />
          <Input
            name="name"
            defaultValue={view.name}
            aria-label={t("renameLabel", { name: view.name })}
            maxLength={SAVED_VIEW_NAME_MAX * 2}
            invalid={errorOf(renameState) !== undefined}
            aria-describedby={error ? errorId : undefined}
            className="min-w-0 flex-1"
            autoFocus
          />
          <Button type="submit" size="sm" className={ROW_BUTTON} disabled={renamingPending}>
            {renamingPending ? common("saving") : t("renameSubmit")}
          </Button>
          <Button variant="ghost" size="sm" className={ROW_BUTTON} onClick={() => setRenaming(false)}>
            {common("cancel")}
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <Link
            href={viewHref(table, view.query)}
            onClick={onApply}
            aria-current={active ? "page" : undefined}
            className="min-w-0 flex-1 truncate font-medium text-brand-700 hover:underline"
            title={view.name}
          >
            {view.name}
          </Link>
          {view.pinned ? (
            <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700">{t("pinnedBadge")}</span>
          ) : null}
          <div className="flex items-center gap-1">
            <form action={pin}>
              <input type="hidden" name="viewId" value={view.id} />
              <input type="hidden" name="pinned" value={view.pinned ? "false" : "true"} />
              <Button
                type="submit"
                variant="ghost"
                size="sm"
                className={ROW_BUTTON}
                disabled={pinning}
                aria-label={t(view.pinned ? "unpinLabel" : "pinLabel", { name: view.name })}
              >
                {view.pinned ? <PinOff className="size-4" aria-hidden /> : <Pin className="size-4" aria-hidden />}
                {t(view.pinned ? "unpin" : "pin")}
              </Button>
            </form>
            <Button
              variant="ghost"
              size="sm"
              className={ROW_BUTTON}
              onClick={() => setRenaming(true)}
              aria-label={t("renameLabel", { name: view.name })}
            >
              <Pencil className="size-4" aria-hidden />
              {t("rename")}
            </Button>
            <form action={remove}>
              <input type="hidden" name="viewId" value={view.id} />
              <Button
                type="submit"
                variant="ghost"
                size="sm"
                className={`${ROW_BUTTON} text-red-700 hover:bg-red-50`}
                disabled={removing}
                aria-label={t("deleteLabel", { name: view.name })}
              >
                <Trash2 className="size-4" aria-hidden />
                {t("delete")}
              </Button>
            </form>
          </div>
        </div>
      )}
      {error ? (
        <p id={errorId} role="alert" className="mt-1.5 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </li>
  );
}

export function ManageViews({
  table,
  current,
  views,
  actions,
  onApply,
  onNotice,
}: {
  table: SavedViewTable;
  current: string | null;
  views: SavedViewRow[];
  actions: SavedViewActions;
  onApply: () => void;
  onNotice: (message: string) => void;
}) {
  const t = useTranslations("savedViews");
  if (views.length === 0) return <p className="py-4 text-sm text-slate-600">{t("empty")}</p>;
  return (
    <ul className="-my-3 divide-y divide-slate-100" aria-label={t("label")}>
      {views.map((view) => (
        <ViewItem
          key={view.id}
          table={table}
          view={view}
          active={current === view.query}
          actions={actions}
          onApply={onApply}
          onNotice={onNotice}
        />
      ))}
    </ul>
  );
}
