// The carrier APIs the emulator serves (one module per carrier).
import type { CarrierModuleFactory } from "./context";

export const CARRIER_MODULES: CarrierModuleFactory[] = [];
