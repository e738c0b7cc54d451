"use server";
import { revalidatePath } from "next/cache";
import { storeSettingsSchema } from "@/domain/customs-terms";
import { shipperFormSchema, shopFormSchema } from "@/domain/store-forms";
import { authedAction } from "@/server/auth/action";
import { AppError } from "@/server/errors";
import { findStoreByDomain } from "@/server/queries/stores";
import { updateShipperProfile, updateStoreDetails } from "@/server/services/store-connection";
import { updateStoreSettings } from "@/server/services/store-settings";
import { StoreReconnectNeededError, withShopSession } from "@/server/services/shop-session";
import { ShopifyNetworkError } from "@/server/shopify/errors";
import { getShopify } from "@/server/shopify/api";

/** "Check connection": reads the store's details from Shopify, refreshing the token if needed. */
export const checkStoreConnectionAction = authedAction(
  shopFormSchema,
  { role: "operator" },
  async ({ shop }, { db, t }) => {
    if (!(await findStoreByDomain(db, shop))) throw new AppError("errors.notFound");
    try {
      await withShopSession({ db, shopify: getShopify() }, shop, (session) =>
        updateStoreDetails({ db, shopify: getShopify() }, session),
      );
      return { ok: true, message: t("stores.connectionOk", { shop }) };
    } catch (error) {
      if (error instanceof StoreReconnectNeededError)
        return { ok: false, formError: t("stores.connectionLost", { shop }) };
      if (error instanceof ShopifyNetworkError) return { ok: false, formError: t("stores.shopifyUnreachable") };
      throw error;
    } finally {
      // The status may have changed either way: the table and the banner on every page follow.
      revalidatePath("/", "layout");
    }
  },
);

/** "Shipper details" (admin): the exporter printed on labels and commercial invoices. */
export const updateShipperAction = authedAction(
  shipperFormSchema,
  { role: "admin" },
  async ({ storeId, profile }, { db, user, t }) => {
    await updateShipperProfile(db, storeId, profile, user.id);
    revalidatePath("/stores");
    return { ok: true, message: t("stores.shipper.saved") };
  },
);

/** "Customs defaults & test orders" (admin): the store's default incoterm and reason, and its test-order policy. */
export const updateStoreSettingsAction = authedAction(
  storeSettingsSchema,
  { role: "admin" },
  async (input, { db, user, t }) => {
    const { changed } = await updateStoreSettings(db, user, input);
    revalidatePath("/stores");
    return { ok: true, message: t(changed ? "storeSettings.saved" : "storeSettings.unchanged") };
  },
);
