// The UPS client (CarrierClient over UPS's REST APIs, CARRIERS.md "UPS"): requests.ts builds the
// bodies, http.ts sends them (token, pacing, errors), responses.ts reads the answers.
import { CarrierApiError, type CarrierClient, type ClientOptions, type FoundShipment } from "../api";
import { UpsHttp, UPS_REQUESTS_PER_SECOND } from "./http";
import { issuedLabel } from "./label";
import { pickupCreationRequest, pickupRateRequest } from "./pickup-requests";
import { UPS_VERSIONS as V, labelRecoveryRequest, rateRequest, shipRequest, uploadRequest } from "./requests";
import {
  parsePrn,
  parseRates,
  parseRecoveredLabels,
  parseReferenceLookup,
  parseShipResult,
  parseTracking,
  parseUploadedDocumentId,
  voidSucceeded,
} from "./responses";

/**
 * UPS has no pickup availability endpoint and publishes no call-by or lead time (CARRIERS.md §4:
 * they are decided by UPS's pickup system at create). Until an account's own figures are known,
 * these are our documented defaults: call by 17:00 local, 60 minutes between ready and close.
 */
const DEFAULT_CALL_BY = "17:00";
const DEFAULT_LEAD_MINUTES = 60;
/** Paperless upload limit per file: 10 MB in production, 1 MB in CIE (CARRIERS.md §3). */
const UPLOAD_LIMIT = { production: 10 * 1024 * 1024, test: 1024 * 1024 };
/** The reference lookup's pickup-date window around the ship date (labels may be bought days ahead). */
const LOOKUP_DAYS_BEFORE = 7;
const LOOKUP_DAYS_AFTER = 7;

const shiftDate = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10).replaceAll("-", "");
};

function isNotFound(error: unknown): boolean {
  return (
    error instanceof CarrierApiError &&
    error.code === "invalidRequest" &&
    /^TW0001|^TV1002|^151044/.test(error.carrierMessage ?? "")
  );
}

export function createUpsClient(options: ClientOptions): CarrierClient {
  const http = new UpsHttp(options);
  const account = () => http.accountNumber;

  async function track(trackingNumber: string) {
    try {
      const body = await http.call({
        operation: "track",
        method: "GET",
        path: `/api/track/${V.track}/details/${encodeURIComponent(trackingNumber)}`,
        query: { locale: "en_US", returnSignature: "false", returnMilestones: "false", returnPOD: "false" },
      });
      return parseTracking(trackingNumber, body);
    } catch (error) {
      if (isNotFound(error) || (error instanceof CarrierApiError && error.code === "unknownShipment")) {
        return { trackingNumber, found: false as const };
      }
      throw error;
    }
  }

  return {
    carrier: "ups",
    // One tracking number per Track call (CARRIERS.md §5).
    limits: { requestsPerSecond: UPS_REQUESTS_PER_SECOND, trackBatchSize: 1 },

    async testConnection() {
      // A token, then the cheapest authenticated call that needs the account: its pending pickups.
      await http.call({
        operation: "pickupPending",
        method: "GET",
        path: `/api/shipments/${V.pickup}/pickup/oncall`,
        headers: { AccountNumber: account() },
      });
    },

    async rates(request) {
      const body = await http.call({
        operation: "rate",
        method: "POST",
        path: `/api/rating/${V.rate}/Shoptimeintransit`,
        body: rateRequest(request, account()),
      });
      return parseRates(body);
    },

    async uploadInvoice(shipment, pdf) {
      if (pdf.length > UPLOAD_LIMIT[http.environment]) {
        throw new CarrierApiError(
          "invalidRequest",
          "ups",
          `The invoice PDF is over UPS's ${UPLOAD_LIMIT[http.environment]} byte limit`,
        );
      }
      const body = await http.call({
        operation: "upload",
        method: "POST",
        path: `/api/paperlessdocuments/${V.paperless}/upload`,
        headers: { ShipperNumber: account() },
        body: uploadRequest(shipment.reference, Buffer.from(pdf).toString("base64"), account()),
      });
      const id = parseUploadedDocumentId(body);
      if (!id) throw new CarrierApiError("unavailable", "ups", "The upload answer has no DocumentID");
      return id;
    },

    async createShipment(shipment, { labelFormat, paperlessDocumentId }) {
      const request = shipRequest(shipment, account(), { labelFormat, paperlessDocumentId });
      const body = await http.call({
        operation: "ship",
        method: "POST",
        path: `/api/shipments/${V.ship}/ship`,
        body: request,
        outcomeMatters: true,
      });
      const result = parseShipResult(body);
      // A 200 we cannot read may still be a purchase.
      if (!result)
        throw new CarrierApiError("outcomeUnknown", "ups", "The ship answer has no shipment number or label");
      let label;
      try {
        label = await issuedLabel(labelFormat, result.packages);
      } catch (error) {
        // Bought, but its label is unreadable: reconcile (lookup + label recovery) rather than buy again.
        throw new CarrierApiError("outcomeUnknown", "ups", `Shipment ${result.shipmentId}: the label cannot be read`, {
          cause: error,
        });
      }
      return {
        trackingNumber: result.packages[0].trackingNumber,
        carrierShipmentId: result.shipmentId,
        label,
        charges: result.charges,
      };
    },

    async findShipments(reference, shipDate, labelFormat) {
      let body: unknown;
      try {
        body = await http.call({
          operation: "lookup",
          method: "GET",
          path: `/api/track/${V.track}/reference/details/${encodeURIComponent(reference)}`,
          query: {
            locale: "en_US",
            shipperNum: account(),
            fromPickUpDate: shiftDate(shipDate, -LOOKUP_DAYS_BEFORE),
            toPickUpDate: shiftDate(shipDate, LOOKUP_DAYS_AFTER),
          },
        });
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
      const found: FoundShipment[] = [];
      for (const shipment of parseReferenceLookup(body)) {
        const [lead] = shipment.trackingNumbers;
        const recovered = await http.call({
          operation: "label",
          method: "POST",
          path: `/api/labels/${V.labels}/recovery`,
          body: labelRecoveryRequest(lead, labelFormat),
        });
        const labels = parseRecoveredLabels(recovered);
        found.push({
          trackingNumber: lead,
          // The shipment number is the lead package's 1Z (Shipping.yaml ShipmentIdentificationNumber).
          carrierShipmentId: lead,
          label: labels.length ? await issuedLabel(labelFormat, labels) : null,
        });
      }
      return found;
    },

    async voidShipment({ carrierShipmentId }) {
      const body = await http.call({
        operation: "void",
        method: "DELETE",
        path: `/api/shipments/${V.ship}/void/cancel/${encodeURIComponent(carrierShipmentId)}`,
        headers: { shipperNumber: account() },
      });
      if (!voidSucceeded(body)) throw new CarrierApiError("invalidRequest", "ups", "The void answer is not a success");
    },

    async pickupAvailability(request) {
      try {
        await http.call({
          operation: "pickupAvailability",
          method: "POST",
          path: `/api/shipments/${V.pickup}/pickup/oncall`,
          body: pickupRateRequest(request.date, request.address, account()),
        });
      } catch (error) {
        if (error instanceof CarrierApiError && error.code === "pickupNotAvailable") {
          return { available: false, cutoffTime: DEFAULT_CALL_BY, minWindowMinutes: DEFAULT_LEAD_MINUTES };
        }
        throw error;
      }
      // The rate answer carries charges only, no call-by or lead time (Pickup.yaml PickupRateResponse).
      return { available: true, cutoffTime: DEFAULT_CALL_BY, minWindowMinutes: DEFAULT_LEAD_MINUTES };
    },

    async schedulePickup(booking) {
      const body = await http.call({
        operation: "pickupCreate",
        method: "POST",
        path: `/api/pickupcreation/${V.pickup}/pickup`,
        body: pickupCreationRequest(booking, account()),
        outcomeMatters: true,
      });
      const prn = parsePrn(body);
      if (!prn) throw new CarrierApiError("outcomeUnknown", "ups", "The pickup answer has no PRN");
      return { confirmationNumber: prn, location: null };
    },

    async cancelPickup({ confirmationNumber }) {
      // CancelBy 02: by PRN, given in the Prn header (CARRIERS.md §4).
      await http.call({
        operation: "pickupCancel",
        method: "DELETE",
        path: `/api/shipments/${V.pickup}/pickup/02`,
        headers: { Prn: confirmationNumber },
      });
    },

    async track(trackingNumbers) {
      const results = [];
      for (const number of trackingNumbers) results.push(await track(number));
      return results;
    },
  };
}
