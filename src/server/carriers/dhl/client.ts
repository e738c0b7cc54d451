// The DHL Express client (MyDHL API 3.1.1) behind CarrierClient: docs/carriers/dhl.md.
import { createHash } from "node:crypto";
import {
  CarrierApiError,
  type CarrierClient,
  type CarrierLimits,
  type ClientOptions,
  type FoundShipment,
  type TrackingResult,
} from "../api";
import { addDays } from "@/domain/calendar";
import { originNow } from "@/domain/local-time";
import { dhlHttp, type DhlCall } from "./http";
import { buildPickupRequest, buildRateRequest, buildShipmentRequest, DhlRequestProblem } from "./requests";
import {
  DhlAnswerProblem,
  parseImage,
  parsePickup,
  parsePickupCapabilities,
  parseRates,
  parseShipment,
  parseTracking,
  trackedNumbers,
} from "./responses";
import { forgetInvoice, keepInvoice, takeInvoice } from "./invoices";

/**
 * DHL's per-app limits are not published for MyDHL (CARRIERS.md "Rate limits": unverified), so 10
 * requests/s is our conservative default; GET /tracking takes up to 200 AWBs (CARRIERS.md "Tracking").
 */
const DEFAULT_LIMITS: CarrierLimits = { requestsPerSecond: 10, trackBatchSize: 200 };

export function createDhlClient(options: ClientOptions & { limits?: Partial<CarrierLimits> }): CarrierClient {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const send = dhlHttp(options, limits.requestsPerSecond);
  const accountNumber = options.account.credentials.accountNumber;
  const now = () => options.now?.() ?? new Date();

  /** Builds a body; a value DHL would refuse is our invalidRequest, nothing is sent. */
  function build<T>(make: () => T): T {
    try {
      return make();
    } catch (error) {
      if (error instanceof DhlRequestProblem) throw new CarrierApiError("invalidRequest", "dhl", error.message);
      throw error;
    }
  }
  const call = (request: DhlCall) => send(request);
  function read<T>(parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof DhlAnswerProblem) throw new CarrierApiError("unavailable", "dhl", error.message);
      throw error;
    }
  }
  /**
   * The planned time on `date`: now (São Paulo) + 10 minutes when it is today, else 09:00, the
   * start of a business day (DHL needs a time; we know the hand-over day only).
   */
  function plannedTime(date: string): string {
    const local = originNow(new Date(now().getTime() + 10 * 60_000));
    return local.date === date ? local.time : "09:00";
  }

  async function trackBatch(numbers: string[]): Promise<TrackingResult[]> {
    try {
      const { body } = await call({
        operation: "track",
        method: "GET",
        path: "/tracking",
        query: {
          shipmentTrackingNumber: numbers.join(","),
          trackingView: "all-checkpoints",
          levelOfDetail: "shipment",
        },
        mutating: false,
      });
      return read(() => parseTracking(body, numbers));
    } catch (error) {
      // DHL answers 404 when none of the numbers is known.
      if (error instanceof CarrierApiError && error.code === "unknownShipment") {
        return numbers.map((trackingNumber) => ({ trackingNumber, found: false }));
      }
      throw error;
    }
  }

  const client: CarrierClient = {
    carrier: "dhl",
    limits,

    async testConnection() {
      // No token endpoint: a light authenticated call that also checks the account number. The
      // lane is only a probe (BR → US, where every exporter here ships); the answer is not used.
      const date = originNow(now()).date;
      await call({
        operation: "rate",
        method: "GET",
        path: "/products",
        query: {
          accountNumber,
          originCountryCode: "BR",
          originCityName: "Sao Paulo",
          originPostalCode: "01310-100",
          destinationCountryCode: "US",
          destinationCityName: "New York",
          destinationPostalCode: "10001",
          weight: "1",
          length: "10",
          width: "10",
          height: "10",
          plannedShippingDate: date,
          isCustomsDeclarable: "true",
          unitOfMeasurement: "metric",
        },
        mutating: false,
      });
    },

    async rates(request) {
      const body = build(() => buildRateRequest(request, accountNumber, plannedTime(request.shipDate)));
      const answer = await call({ operation: "rate", method: "POST", path: "/rates", body, mutating: false });
      return read(() => parseRates(answer.body));
    },

    async uploadInvoice(_shipment, pdf) {
      // MyDHL takes our invoice inline in POST /shipments (documentImages[], CARRIERS.md "paperless
      // trade"): nothing is uploaded now; the PDF waits in this process under a content id.
      if (pdf.length === 0) throw new CarrierApiError("invalidRequest", "dhl", "The invoice PDF is empty");
      const id = `inline:${createHash("sha256").update(pdf).digest("hex")}`;
      keepInvoice(options.account.id, id, pdf);
      return id;
    },

    async createShipment(shipment, { labelFormat, paperlessDocumentId }) {
      let invoice: Uint8Array | null = null;
      if (paperlessDocumentId !== null) {
        invoice = takeInvoice(options.account.id, paperlessDocumentId);
        if (!invoice) {
          throw new CarrierApiError(
            "invalidRequest",
            "dhl",
            `Unknown paperless document ${paperlessDocumentId.slice(0, 80)}`,
          );
        }
      }
      const body = build(() =>
        buildShipmentRequest(shipment, {
          accountNumber,
          labelFormat,
          shipTime: plannedTime(shipment.shipDate),
          invoicePdfBase64: invoice ? Buffer.from(invoice).toString("base64") : null,
        }),
      );
      const answer = await call({ operation: "ship", method: "POST", path: "/shipments", body, mutating: true });
      const parsed = read(() => parseShipment(answer.body, labelFormat));
      if (paperlessDocumentId) forgetInvoice(options.account.id, paperlessDocumentId);
      return {
        trackingNumber: parsed.trackingNumber,
        carrierShipmentId: parsed.trackingNumber,
        label: { format: labelFormat, bytes: parsed.label },
        charges: parsed.charges,
      };
    },

    async findShipments(reference, shipDate, labelFormat) {
      let numbers: string[];
      try {
        const { body } = await call({
          operation: "lookup",
          method: "GET",
          path: "/tracking",
          query: {
            shipmentReference: reference,
            shipmentReferenceType: "CU",
            shipperAccountNumber: accountNumber,
            // A purchase may be planned for a later day than it was made: a window around it.
            dateRangeFrom: addDays(shipDate, -2),
            dateRangeTo: addDays(shipDate, 2),
          },
          mutating: false,
        });
        numbers = trackedNumbers(body);
      } catch (error) {
        if (error instanceof CarrierApiError && error.code === "unknownShipment") return [];
        throw error;
      }
      const found: FoundShipment[] = [];
      for (const number of numbers) {
        // get-image re-issues DHL's documents as PDF only (its encodingFormat is pdf|tiff): the
        // waybill document stands for the label in PDF; a ZPL label cannot be re-issued (null: the
        // service buys anew, the unused AWB is not tendered).
        let label: FoundShipment["label"] = null;
        if (labelFormat === "pdf") {
          try {
            const { body } = await call({
              operation: "label",
              method: "GET",
              path: `/shipments/${encodeURIComponent(number)}/get-image`,
              query: {
                shipperAccountNumber: accountNumber,
                typeCode: "waybill",
                pickupYearAndMonth: shipDate.slice(0, 7),
                encodingFormat: "pdf",
              },
              mutating: false,
            });
            const bytes = read(() => parseImage(body, "waybill"));
            label = bytes ? { format: "pdf", bytes } : null;
          } catch (error) {
            // DHL found the shipment but has no document image for it: reported without a label.
            if (!(error instanceof CarrierApiError && error.code === "unknownShipment")) throw error;
          }
        }
        found.push({ trackingNumber: number, carrierShipmentId: number, label });
      }
      return found;
    },

    async voidShipment(shipment) {
      // MyDHL 3.1.1 has no shipment cancel operation (CARRIERS.md "Cancel/void": an unused AWB is
      // just not tendered). Voiding is therefore checking that DHL holds the AWB and has not
      // collected it; once picked up it is in transit and cannot be withdrawn.
      const [result] = await client.track([shipment.trackingNumber]);
      if (!result || !result.found) throw new CarrierApiError("unknownShipment", "dhl", null);
      if (result.status !== "label_created") throw new CarrierApiError("inTransit", "dhl", null);
    },

    async pickupAvailability(request) {
      // No availability call: the rate answer's pickupCapabilities for that day and address
      // (CARRIERS.md "Pickup"). DHL requires a package to rate; a 1 kg box stands for the parcels
      // (the price is discarded, only the pickup capabilities are read).
      const body = build(() =>
        buildRateRequest(
          {
            shipDate: request.date,
            shipper: {
              city: request.address.city,
              state: request.address.state || null,
              postalCode: request.address.postalCode,
              countryCode: request.address.countryCode,
            },
            recipient: {
              city: request.address.city,
              state: request.address.state || null,
              postalCode: request.address.postalCode,
              countryCode: request.address.countryCode,
            },
            parcels: [{ weightKg: 1, lengthCm: 10, widthCm: 10, heightCm: 10 }],
            currency: "BRL",
            declaredValue: "1.00",
          },
          accountNumber,
          plannedTime(request.date),
        ),
      );
      const answer = await call({
        operation: "pickupAvailability",
        method: "POST",
        path: "/rates",
        body,
        mutating: false,
      });
      return read(() => parsePickupCapabilities(answer.body, request.date, request.serviceCode));
    },

    async schedulePickup(booking) {
      const body = build(() => buildPickupRequest(booking, accountNumber));
      const answer = await call({ operation: "pickupCreate", method: "POST", path: "/pickups", body, mutating: true });
      return { confirmationNumber: read(() => parsePickup(answer.body)), location: null };
    },

    async cancelPickup(pickup) {
      await call({
        operation: "pickupCancel",
        method: "DELETE",
        path: `/pickups/${encodeURIComponent(pickup.confirmationNumber)}`,
        // Both required (CARRIERS.md "Update and cancel").
        query: { requestorName: pickup.address.contact.slice(0, 45), reason: "Not needed" },
        mutating: false,
      });
    },

    async track(numbers) {
      const results: TrackingResult[] = [];
      for (let i = 0; i < numbers.length; i += limits.trackBatchSize) {
        results.push(...(await trackBatch(numbers.slice(i, i + limits.trackBatchSize))));
      }
      return results;
    },
  };
  return client;
}
