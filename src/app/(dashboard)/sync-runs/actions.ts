"use server";
import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { and, eq } from "drizzle-orm";
import { archiveOrdersFormSchema, syncOrdersFormSchema } from "@/domain/sync-forms";
import { authedAction } from "@/server/auth/action";
import { stores } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { archiveSkippedOrders } from "@/server/services/sync/archive";
import { executeInBackground } from "@/server/services/sync/background";
import { requestSync } from "@/server/services/sync/runs";
import { getShopify } from "@/server/shopify/api";

/** "Sync Orders": queues (or joins) a run per store and returns at once; the runs execute after the response. */
export const syncOrdersAction = authedAction(
  syncOrdersFormSchema,
  { role: "operator" },
  async ({ storeId }, { db, user }) => {
    const targets = await db
      .select({ id: stores.id })
      .from(stores)
      .where(storeId ? and(eq(stores.id, storeId), eq(stores.status, "connected")) : eq(stores.status, "connected"));
    if (targets.length === 0) throw new AppError(storeId ? "errors.storeNotConnected" : "errors.noConnectedStores");
    const runIds: string[] = [];
    for (const store of targets) runIds.push((await requestSync(db, store.id, "manual", user.id)).run.id);
    after(() => Promise.all(runIds.map((runId) => executeInBackground(runId))));
    return { ok: true, data: { runIds } };
  },
);

/** "Archive in Shopify" for orders without a shipping address (one or many). */
export const archiveOrdersAction = authedAction(
  archiveOrdersFormSchema,
  { role: "operator" },
  async ({ itemIds }, { db, user, t }) => {
    const outcome = await archiveSkippedOrders({ db, shopify: getShopify() }, itemIds, user.id);
    revalidatePath("/sync-runs", "layout");
    if (outcome.failed.length > 0) {
      return {
        ok: false,
        formError: t("syncRuns.archiveFailed", {
          archived: outcome.archived,
          failed: outcome.failed.length,
          orders: outcome.failed.map((f) => f.orderName).join(", "),
        }),
      };
    }
    return { ok: true, message: t("syncRuns.archived", { count: outcome.archived }) };
  },
);
