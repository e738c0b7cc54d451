"use client";
// The saved-views strip above a table: the user's pinned views as tabs (one click applies a view:
// it is a link to the table's page with the view's query), "Views" to apply, rename, pin or delete
// any of them, and "Save view" to name the table's current filters, sort, search and page size.
import { Bookmark, BookmarkPlus } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { SavedViewTable } from "@/domain/saved-views";
import type { SavedViewRow } from "@/lib/rows/saved-views";
import type { TableSpec } from "@/lib/table/params";
import { viewHref, viewQuery } from "@/lib/table/views";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { Dialog } from "../ui/dialog";
import { ManageViews, type SavedViewActions } from "./manage-views";
import { SaveViewForm } from "./save-view-form";

// Thumb-size on phones, compact beside the table's toolbar from sm up.
const STRIP_BUTTON = "max-sm:h-10 max-sm:px-3 max-sm:text-sm";

function ViewTab({ href, active, children }: { href: string; active: boolean; children: string }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      title={children}
      className={cn(
        "inline-flex h-8 max-w-56 items-center truncate rounded-full px-3 text-xs font-medium ring-1 ring-inset max-sm:h-10 max-sm:text-sm",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
        active
          ? "bg-brand-600 text-white ring-brand-600"
          : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50 hover:text-slate-900",
      )}
    >
      <span className="truncate">{children}</span>
    </Link>
  );
}

export function SavedViews({
  table,
  spec,
  views,
  actions,
}: {
  table: SavedViewTable;
  spec: TableSpec;
  views: SavedViewRow[];
  actions: SavedViewActions;
}) {
  const t = useTranslations("savedViews");
  const common = useTranslations("common");
  const searchParams = useSearchParams();
  const raw = searchParams.toString();
  // The page's view as the spec reads it, to mark the tab it matches and to save it.
  const current = viewQuery(spec, raw);
  const pinned = views.filter((view) => view.pinned);
  const [dialog, setDialog] = useState<"save" | "manage" | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  const open = (which: "save" | "manage") => {
    setFormKey((key) => key + 1);
    setNotice(null);
    setDialog(which);
  };

  return (
    <div className="mb-3 flex flex-wrap items-center gap-2" data-testid="saved-views">
      {pinned.length > 0 ? (
        <nav aria-label={t("pinned")} className="flex min-w-0 flex-wrap items-center gap-1.5">
          <ViewTab href={viewHref(table, "")} active={current === ""}>
            {t("defaultView")}
          </ViewTab>
          {pinned.map((view) => (
            <ViewTab key={view.id} href={viewHref(table, view.query)} active={current === view.query}>
              {view.name}
            </ViewTab>
          ))}
        </nav>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center justify-end gap-2">
        {notice ? (
          <p role="status" className="text-xs text-emerald-700">
            {notice}
          </p>
        ) : null}
        <Button variant="secondary" size="sm" className={STRIP_BUTTON} onClick={() => open("manage")}>
          <Bookmark className="size-4" aria-hidden />
          {views.length > 0 ? t("manageCount", { count: views.length }) : t("manage")}
        </Button>
        <Button variant="secondary" size="sm" className={STRIP_BUTTON} onClick={() => open("save")}>
          <BookmarkPlus className="size-4" aria-hidden />
          {t("save")}
        </Button>
      </div>
      <Dialog
        open={dialog === "save"}
        onClose={() => setDialog(null)}
        title={t("saveTitle")}
        description={t("saveHint")}
        closeLabel={common("close")}
      >
        <SaveViewForm
          key={formKey}
          table={table}
          query={current ?? raw}
          action={actions.save}
          onCancel={() => setDialog(null)}
          onSaved={(message) => {
            setNotice(message);
            setDialog(null);
          }}
        />
      </Dialog>
      <Dialog
        open={dialog === "manage"}
        onClose={() => setDialog(null)}
        title={t("manageTitle")}
        description={t("manageHint")}
        closeLabel={common("close")}
      >
        <ManageViews
          key={formKey}
          table={table}
          current={current}
          views={views}
          actions={actions}
          onApply={() => setDialog(null)}
          onNotice={setNotice}
        />
      </Dialog>
    </div>
  );
}
