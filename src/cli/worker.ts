// npm run worker — executes queued sync runs (and resumes runs a dead process left behind),
// polls carrier tracking and keeps the drafts' fulfillment holds in Shopify in line, for deployments that keep long syncs off the web instances (set
// SYNC_WORKER=off there).
// With the embedded PGlite database, the web server already does this: only one process may open it.
import { startHoldsSchedule } from "../server/services/fulfillment-holds-schedule";
import { executePendingRuns } from "../server/services/sync/background";
import { startTrackingPoll } from "../server/services/tracking/schedule";
import { migrateDb } from "../server/db/migrate";
import { getDbHandle } from "../server/db/client";

await migrateDb(await getDbHandle());
// And the tracking poll, every TRACKING_POLL_MINUTES (for deployments that set SYNC_WORKER=off on the web).
if (startTrackingPoll()) console.log("Tracking poll started.");
startHoldsSchedule();
console.log("Fulfillment holds: every minute.");
console.log("Sync worker started; polling for queued runs every 5 s.");
for (;;) {
  const executed = await executePendingRuns().catch((error) => {
    console.error("[worker]", error);
    return 0;
  });
  if (executed === 0) await new Promise((resolve) => setTimeout(resolve, 5_000));
}
