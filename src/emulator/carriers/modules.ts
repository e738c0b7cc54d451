// The carrier APIs the emulator serves (one module per carrier).
import type { CarrierModuleFactory } from "./context";
import { createUpsModule } from "./ups";

export const CARRIER_MODULES: CarrierModuleFactory[] = [createUpsModule];
