// The carrier APIs the emulator serves (one module per carrier).
import type { CarrierModuleFactory } from "./context";
import { createFedexModule } from "./fedex";

export const CARRIER_MODULES: CarrierModuleFactory[] = [createFedexModule];
