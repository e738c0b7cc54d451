// npm run rates:refresh — fetches the closing PTAX bulletins of the last days for every PTAX
// currency now (from PTAX_API_URL, the Banco Central's service by default) and stores them.
import { PTAX_CURRENCIES } from "@/domain/ptax";
import { ptaxApiUrl } from "../server/env";
import { refreshExchangeRates } from "../server/exchange-rates/refresh";
import { ratesStatus } from "../server/exchange-rates/store";
import { reevaluateOpenShipments } from "../server/services/reevaluate";
import { withMigratedDb } from "./run";

let ok = false;
await withMigratedDb(async ({ db }) => {
  console.log(`Fetching PTAX rates from ${ptaxApiUrl()}`);
  const result = await refreshExchangeRates(db, { log: () => {} }); // the failures are listed below
  ok = result.ok;
  const { changed } = await reevaluateOpenShipments(db, { waitingForRate: true });
  if (changed > 0) console.log(`${changed} drafts that waited for a rate were judged again.`);
  console.log(`Stored ${result.stored} closing rates for ${result.from}…${result.to}.`);
  for (const failure of result.failed) console.error(`  ${failure.currency}: ${failure.reason}`);
  const status = await ratesStatus(db);
  const latest = status.currencies.map((c) => `${c.currency} ${c.latestDate ?? "none"}`).join(", ");
  console.log(`Newest stored bulletin per currency (${PTAX_CURRENCIES.length}): ${latest}`);
});
process.exit(ok ? 0 : 1);
