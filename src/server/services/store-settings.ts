import "server-only";
// Stores › "Customs defaults & test orders" (admin): the incoterm and reason for export a store's
// shipments use when they have none of their own, what a sync does with Shopify test orders, and
// whether drafts are put on hold in Shopify (services/fulfillment-holds.ts).
// The input is validated here too (not only by the action), so a forged or hostile request changes
// nothing and gets the precise reason.
import { eq, sql } from "drizzle-orm";
import { storeSettingsSchema, type StoreSettings } from "@/domain/customs-terms";
import type { Role } from "@/domain/users";
import type { Db } from "../db/client";
import { stores } from "../db/schema";
import { AppError, isAppErrorCode } from "../errors";
import { recordAudit } from "../queries/audit";
import { queueStoreHolds } from "./fulfillment-holds";
import { reevaluateOpenShipments } from "./reevaluate";

export interface SettingsActor {
  id: string;
  role: Role;
}

export type StoreSettingsOutcome = { changed: boolean; settings: StoreSettings };

/** Validates and saves a store's settings; audited with what they replace. Unchanged settings write nothing. */
export async function updateStoreSettings(db: Db, actor: SettingsActor, input: unknown): Promise<StoreSettingsOutcome> {
  if (actor.role !== "admin") throw new AppError("storeSettings.errors.adminOnly");
  const parsed = storeSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field = issue.path.length > 0 ? issue.path.join(".") : undefined;
    throw new AppError(isAppErrorCode(issue.message) ? issue.message : "errors.invalid", field);
  }
  const { storeId, ...settings } = parsed.data;
  const outcome = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        defaultIncoterm: stores.defaultIncoterm,
        defaultExportReason: stores.defaultExportReason,
        testOrders: stores.testOrders,
        fulfillmentHolds: stores.fulfillmentHolds,
      })
      .from(stores)
      .where(eq(stores.id, storeId))
      .for("update");
    if (!before) throw new AppError("errors.notFound");
    const changed = (Object.keys(settings) as (keyof StoreSettings)[]).some(
      (key) => settings[key] !== undefined && before[key] !== settings[key],
    );
    if (!changed) return { changed: false, settings, holdsChanged: false };
    await tx
      .update(stores)
      .set({ ...settings, updatedAt: sql`now()` })
      .where(eq(stores.id, storeId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "store.settings_updated",
      entityType: "store",
      entityId: storeId,
      before,
      after: settings,
    });
    const holdsChanged =
      settings.fulfillmentHolds !== undefined && settings.fulfillmentHolds !== before.fulfillmentHolds;
    return { changed: true, settings, holdsChanged };
  });
  // The store's open shipments follow its new defaults now, not at their order's next change in Shopify.
  if (outcome.changed) await reevaluateOpenShipments(db, { storeId });
  // Holds turned on or off: every draft (and every hold of ours) of the store is due.
  if (outcome.changed && outcome.holdsChanged) await queueStoreHolds(db, storeId);
  return { changed: outcome.changed, settings: outcome.settings };
}
