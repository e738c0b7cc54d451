// The carriers' hosts (CARRIERS.md sources: UPS OpenAPI servers, developer.fedex.com,
// developer.dhl.com), per account environment; with CARRIER_EMULATOR_URL set (development, tests)
// every client goes to the emulator's mount points instead.
import { carrierEmulatorUrl } from "../env";
import type { ApiCarrier, CarrierEndpoints } from "./api";

const HOSTS: Record<ApiCarrier, Record<"test" | "production", CarrierEndpoints>> = {
  ups: {
    test: { baseUrl: "https://wwwcie.ups.com" },
    production: { baseUrl: "https://onlinetools.ups.com" },
  },
  fedex: {
    test: { baseUrl: "https://apis-sandbox.fedex.com", documentUrl: "https://documentapitest.prod.fedex.com/sandbox" },
    production: { baseUrl: "https://apis.fedex.com", documentUrl: "https://documentapi.prod.fedex.com" },
  },
  dhl: {
    test: { baseUrl: "https://express.api.dhl.com/mydhlapi/test" },
    production: { baseUrl: "https://express.api.dhl.com/mydhlapi" },
  },
};

export function carrierEndpoints(carrier: ApiCarrier, environment: "test" | "production"): CarrierEndpoints {
  const emulator = carrierEmulatorUrl();
  if (emulator) {
    return carrier === "fedex"
      ? { baseUrl: `${emulator}/fedex`, documentUrl: `${emulator}/fedex-documents` }
      : { baseUrl: `${emulator}/${carrier}` };
  }
  return HOSTS[carrier][environment];
}
