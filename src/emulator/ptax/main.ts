// npm run emulator:ptax — the local Banco Central PTAX service (OData at
// /olinda/servico/PTAX/versao/v1/odata/, control API at /__ptax/). PTAX_EMULATOR_PORT (4020).
import { createPtaxEmulator } from "./server";

const port = Number(process.env.PTAX_EMULATOR_PORT ?? 4020);
const emulator = createPtaxEmulator();
await emulator.listen(port, "127.0.0.1");
console.log(`PTAX emulator on ${emulator.apiUrl}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(0));
