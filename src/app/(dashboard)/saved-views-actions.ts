"use server";
// A user's saved views of a table (src/components/saved-views): save, rename, pin, delete. Each
// changes only the signed-in user's own views; the views show on every table page, so the
// dashboard's pages are revalidated.
import { revalidatePath } from "next/cache";
import {
  createSavedViewSchema,
  deleteSavedViewSchema,
  pinSavedViewSchema,
  renameSavedViewSchema,
} from "@/domain/saved-view-forms";
import { authedAction } from "@/server/auth/action";
import { createSavedView, deleteSavedView, renameSavedView, setSavedViewPinned } from "@/server/services/saved-views";

export const saveViewAction = authedAction(createSavedViewSchema, { role: "operator" }, async (input, ctx) => {
  const view = await createSavedView(ctx.db, ctx.user.id, input);
  revalidatePath("/", "layout");
  return { ok: true, message: ctx.t("savedViews.saved", { name: view.name }) };
});

export const renameViewAction = authedAction(
  renameSavedViewSchema,
  { role: "operator" },
  async ({ viewId, name }, ctx) => {
    const view = await renameSavedView(ctx.db, ctx.user.id, viewId, name);
    revalidatePath("/", "layout");
    return { ok: true, message: ctx.t("savedViews.renamed", { name: view.name }) };
  },
);

export const pinViewAction = authedAction(pinSavedViewSchema, { role: "operator" }, async ({ viewId, pinned }, ctx) => {
  const view = await setSavedViewPinned(ctx.db, ctx.user.id, viewId, pinned);
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: ctx.t(pinned ? "savedViews.pinnedNow" : "savedViews.unpinnedNow", { name: view.name }),
  };
});

export const deleteViewAction = authedAction(deleteSavedViewSchema, { role: "operator" }, async ({ viewId }, ctx) => {
  const view = await deleteSavedView(ctx.db, ctx.user.id, viewId);
  revalidatePath("/", "layout");
  return { ok: true, message: ctx.t("savedViews.deleted", { name: view.name }) };
});
