import "server-only";
import { createSandboxCarrier } from "./sandbox";
import type { CarrierAdapter } from "./types";

const globalForCarriers = globalThis as unknown as { carrierAdapter?: CarrierAdapter };

/** The carrier integration in use: the sandbox carrier until real carrier accounts are configured. */
export function getCarrierAdapter(): CarrierAdapter {
  return (globalForCarriers.carrierAdapter ??= createSandboxCarrier());
}
