// One client factory per carrier API (each in its own folder: the request mapping, the HTTP client
// with its token handling, the answer parsing).
import type { ApiCarrier, CarrierClient, ClientOptions } from "./api";
import { createDhlClient } from "./dhl/client";
import { createFedexClient } from "./fedex";
import { createUpsClient } from "./ups";

const CARRIER_CLIENTS: Record<ApiCarrier, (options: ClientOptions) => CarrierClient> = {
  ups: createUpsClient,
  fedex: createFedexClient,
  dhl: createDhlClient,
};

export function createCarrierClient(options: ClientOptions): CarrierClient {
  return CARRIER_CLIENTS[options.account.carrier](options);
}
