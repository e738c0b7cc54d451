// The FedEx client (CarrierClient over FedEx's REST APIs): request bodies from requests.ts,
// answers read by responses.ts, HTTP and tokens in http.ts. Endpoints and versions: CARRIERS.md
// FedEx §2–§5 and docs/carriers/fedex.md.
import { mergePdfs } from "@/documents";
import type { CarrierClient, ClientOptions } from "../api";
import { fedexHttp } from "./http";
import {
  cancelShipmentRequest,
  etdDocument,
  MAX_PACKAGES,
  pickupAvailabilityRequest,
  pickupCancelRequest,
  pickupCreateRequest,
  rateRequest,
  referenceLookupRequest,
  shipRequest,
  trackRequest,
} from "./requests";
import {
  parseCancel,
  parsePickupAvailability,
  parsePickupCreated,
  parseRates,
  parseReferenceLookup,
  parseShipment,
  parseTracking,
  parseUpload,
} from "./responses";

/** FedEx: 1,400 transactions per 10 s per project (developer.fedex.com rate limits; CARRIERS.md FedEx §1). */
const LIMITS = { requestsPerSecond: 140, trackBatchSize: MAX_PACKAGES };

/** Our reference for testConnection's lookup: it finds nothing, but FedEx checks the token and the account. */
const CONNECTION_PROBE = "SHIPSMART-CONNECTION-TEST";

export function createFedexClient(options: ClientOptions): CarrierClient {
  const http = fedexHttp(options, LIMITS.requestsPerSecond);
  const account = options.account.credentials.accountNumber;
  const url = (path: string) => `${http.base}${path}`;
  const json = (value: unknown) => ({ kind: "json" as const, value });
  const today = () => (options.now ?? (() => new Date()))().toISOString().slice(0, 10);

  return {
    carrier: "fedex",
    limits: LIMITS,

    async testConnection() {
      const body = referenceLookupRequest(CONNECTION_PROBE, today(), account);
      await http.request({
        operation: "lookup",
        method: "POST",
        url: url("/track/v1/referencenumbers"),
        body: json(body),
      });
    },

    async rates(request) {
      const body = rateRequest(request, account);
      return parseRates(
        await http.request({ operation: "rate", method: "POST", url: url("/rate/v1/rates/quotes"), body: json(body) }),
      );
    },

    async uploadInvoice(shipment, pdf) {
      const document = etdDocument(shipment);
      const documentBase = (options.endpoints.documentUrl ?? options.endpoints.baseUrl).replace(/\/+$/, "");
      const answer = await http.request({
        operation: "upload",
        method: "POST",
        url: `${documentBase}/documents/v1/etds/upload`,
        body: { kind: "multipart", document, file: { name: document.name, type: "application/pdf", bytes: pdf } },
      });
      return parseUpload(answer);
    },

    async createShipment(shipment, { labelFormat, paperlessDocumentId }) {
      const body = shipRequest(shipment, account, { labelFormat, paperlessDocumentId });
      const answer = parseShipment(
        await http.request({
          operation: "ship",
          method: "POST",
          url: url("/ship/v1/shipments"),
          body: json(body),
          purchase: true,
        }),
      );
      // One label per piece: PDFs become one document, ZPL labels follow each other (each ^XA…^XZ).
      const bytes =
        labelFormat === "pdf"
          ? answer.labels.length === 1
            ? answer.labels[0]
            : await mergePdfs(answer.labels)
          : new Uint8Array(Buffer.concat(answer.labels.map((label) => Buffer.from(label))));
      return {
        trackingNumber: answer.trackingNumber,
        carrierShipmentId: answer.trackingNumber,
        label: { format: labelFormat, bytes },
        charges: answer.charges,
      };
    },

    async findShipments(reference, shipDate) {
      const body = referenceLookupRequest(reference, shipDate, account);
      const answer = await http.request({
        operation: "lookup",
        method: "POST",
        url: url("/track/v1/referencenumbers"),
        body: json(body),
      });
      // FedEx REST cannot re-issue a label: label null, the service voids what it finds and buys anew.
      return parseReferenceLookup(answer);
    },

    async voidShipment({ trackingNumber }) {
      const body = cancelShipmentRequest(trackingNumber, account);
      parseCancel(
        await http.request({
          operation: "void",
          method: "PUT",
          url: url("/ship/v1/shipments/cancel"),
          body: json(body),
        }),
      );
    },

    async pickupAvailability(request) {
      const body = pickupAvailabilityRequest(request);
      const answer = await http.request({
        operation: "pickupAvailability",
        method: "POST",
        url: url("/pickup/v1/pickups/availabilities"),
        body: json(body),
      });
      return parsePickupAvailability(answer, request.date);
    },

    async schedulePickup(booking) {
      const body = pickupCreateRequest(booking, account);
      return parsePickupCreated(
        await http.request({
          operation: "pickupCreate",
          method: "POST",
          url: url("/pickup/v1/pickups"),
          body: json(body),
          purchase: true,
        }),
      );
    },

    async cancelPickup(pickup) {
      const body = pickupCancelRequest(pickup, account);
      await http.request({
        operation: "pickupCancel",
        method: "PUT",
        url: url("/pickup/v1/pickups/cancel"),
        body: json(body),
      });
    },

    async track(trackingNumbers) {
      const results = [];
      for (let start = 0; start < trackingNumbers.length; start += MAX_PACKAGES) {
        const batch = trackingNumbers.slice(start, start + MAX_PACKAGES);
        const answer = await http.request({
          operation: "track",
          method: "POST",
          url: url("/track/v1/trackingnumbers"),
          body: json(trackRequest(batch)),
        });
        results.push(...parseTracking(answer, batch));
      }
      return results;
    },
  };
}
