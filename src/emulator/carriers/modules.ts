// The carrier APIs the emulator serves (one module per carrier).
import type { CarrierModuleFactory } from "./context";
import { createDhlModule } from "./dhl/module";

export const CARRIER_MODULES: CarrierModuleFactory[] = [createDhlModule];
