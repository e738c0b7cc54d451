// npm run emulator:carriers — the local UPS, FedEx and DHL Express APIs (UPS at /ups, FedEx at
// /fedex and /fedex-documents, DHL at /dhl; control API at /__carriers/). CARRIER_EMULATOR_PORT (4030).
import { CARRIER_MODULES } from "./modules";
import { createCarrierEmulator } from "./server";

const port = Number(process.env.CARRIER_EMULATOR_PORT ?? 4030);
const emulator = createCarrierEmulator({ modules: CARRIER_MODULES });
await emulator.listen(port, "127.0.0.1");
console.log(`Carrier emulators (UPS, FedEx, DHL Express) on ${emulator.url}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
