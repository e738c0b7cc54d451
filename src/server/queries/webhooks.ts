import "server-only";
// What webhook handling reads before its transaction: whether a delivery was handled already.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { processedWebhooks } from "../db/schema";

/** Whether the shop's webhook with this id was handled before (Shopify redelivers). */
export async function webhookAlreadyProcessed(db: Db, webhookId: string, shopDomain: string): Promise<boolean> {
  const [seen] = await db
    .select({ id: processedWebhooks.webhookId })
    .from(processedWebhooks)
    .where(and(eq(processedWebhooks.webhookId, webhookId), eq(processedWebhooks.shopDomain, shopDomain)));
  return !!seen;
}
