// npm run tracking:poll — tracks the bought labels that are due now (UPS, FedEx and DHL Express;
// Correios has no tracking API), stores new events, sends them to Shopify and exits. Polls again
// while a poll took as many as TRACKING_CLAIM_LIMIT allows, so a backlog is worked through.
import { carrierDirectory } from "../server/carriers/directory";
import { settings } from "../server/env";
import { pollTracking } from "../server/services/tracking/poll";
import { getShopify } from "../server/shopify/api";
import { withMigratedDb } from "./run";

await withMigratedDb(async ({ db }) => {
  const limit = settings().trackingClaimLimit;
  if (limit === 0) {
    console.log("TRACKING_CLAIM_LIMIT is 0: nothing to poll.");
    return;
  }
  const carriers = carrierDirectory(db);
  const shopify = getShopify();
  for (let round = 1; ; round++) {
    const outcome = await pollTracking({ db, carriers, shopify }, { limit });
    console.log(
      `Poll ${round}: ${outcome.claimed} due, ${outcome.tracked} tracked, ${outcome.newEvents} new events, ` +
        `${outcome.postponed} postponed (see the audit log), ${outcome.shopifyEventsSent} sent to Shopify` +
        (outcome.shopifyEventsFailed > 0 ? `, ${outcome.shopifyEventsFailed} not (retried next poll)` : "") +
        ".",
    );
    // A shorter claim means the queue is empty for now; postponed ones are not due again this run.
    if (outcome.claimed < limit || outcome.tracked === 0) break;
  }
});
process.exit(0);
