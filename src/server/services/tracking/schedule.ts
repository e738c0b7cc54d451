import "server-only";
// Where the tracking poll runs: every TRACKING_POLL_MINUTES in the server process (like the sync
// worker; "off" or 0 leaves it to `npm run tracking:poll` or `npm run worker`). Polls in one
// process never overlap; across processes the database claim keeps them apart.
import { carrierDirectory } from "../../carriers/directory";
import { getDb } from "../../db/client";
import { settings } from "../../env";
import { getShopify } from "../../shopify/api";
import { pollTracking, type PollOutcome } from "./poll";

let running: Promise<PollOutcome> | null = null;

/** One poll of the due shipments with the configured claim limit (the one in flight, if any). */
function pollDueTracking(): Promise<PollOutcome> {
  running ??= (async () => {
    const db = await getDb();
    return pollTracking(
      { db, carriers: carrierDirectory(db), shopify: getShopify() },
      { limit: settings().trackingClaimLimit },
    );
  })().finally(() => {
    running = null;
  });
  return running;
}

let started = false;

/** Starts the interval once per process; returns false when TRACKING_POLL_MINUTES turns it off. */
export function startTrackingPoll(): boolean {
  const minutes = settings().trackingPollMinutes;
  if (started || minutes <= 0) return false;
  started = true;
  const poll = () =>
    void pollDueTracking()
      .then((outcome) => {
        if (outcome.claimed > 0) console.log(`[tracking] ${JSON.stringify(outcome)}`);
      })
      .catch((error) => console.error("[tracking] poll", error));
  setInterval(poll, minutes * 60_000).unref();
  setTimeout(poll, 5_000).unref();
  return true;
}
