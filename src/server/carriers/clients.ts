// One client factory per carrier API (each in its own folder: the request mapping, the HTTP client
// with its token handling, the answer parsing).
import type { ApiCarrier, CarrierClient, ClientOptions } from "./api";
import { createUpsClient } from "./ups";

export const CARRIER_CLIENTS: Partial<Record<ApiCarrier, (options: ClientOptions) => CarrierClient>> = {
  ups: createUpsClient,
};

export function createCarrierClient(options: ClientOptions): CarrierClient {
  const factory = CARRIER_CLIENTS[options.account.carrier];
  if (!factory) throw new Error(`No client for ${options.account.carrier}`);
  return factory(options);
}
