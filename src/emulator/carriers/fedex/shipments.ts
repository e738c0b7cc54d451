// The emulated rate, ship, cancel, tracking and reference lookup endpoints (CARRIERS.md FedEx §2,
// §3, §5; answer shapes from ship-api.json, rate-api.json and track.json).
import crypto from "node:crypto";
import { generateTrackingNumber } from "@/domain/tracking";
import type { CarrierContext, EmulatorReply, EmulatorRequest } from "../context";
import { fedexPdfLabel, fedexZplLabel, type LabelParty } from "./label";
import { localNow, nextBusinessDay } from "./pickups";
import { fedexError, postalError, postalRefusal, wrongAccount, type Json } from "./replies";
import { bounded, MAX_SHIPMENTS, type FedexState, type Shipment } from "./state";
import { estimatedDelivery, isTendered, scansOf } from "./tracking";

/** FedEx Express tracking numbers from the emulator start here (12 digits, like real 7949… numbers). */
const TRACKING_BASE = 794_000_000_000;

/** The services the emulator sells, with its transit days (their names and codes: CARRIERS.md FedEx §2). */
const SERVICES: Record<string, { name: string; days: number; perKg: number; base: number }> = {
  FEDEX_INTERNATIONAL_PRIORITY: { name: "FedEx International Priority®", days: 3, perKg: 38, base: 180 },
  INTERNATIONAL_ECONOMY: { name: "FedEx International Economy®", days: 5, perKg: 29, base: 150 },
  FEDEX_INTERNATIONAL_PRIORITY_EXPRESS: {
    name: "FedEx International Priority® Express",
    days: 2,
    perKg: 45,
    base: 210,
  },
  INTERNATIONAL_FIRST: { name: "FedEx International First®", days: 2, perKg: 70, base: 320 },
  FEDEX_INTERNATIONAL_CONNECT_PLUS: { name: "FedEx International Connect Plus", days: 6, perKg: 22, base: 120 },
  // A service the dashboard does not list: its client must skip it.
  INTERNATIONAL_PRIORITY_FREIGHT: { name: "FedEx International Priority® Freight", days: 3, perKg: 30, base: 900 },
};
const DAY_WORDS = ["ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN"];

export function shipmentOperations(state: FedexState, ctx: CarrierContext) {
  const { shipments, documents } = state;

  function rate(body: Json, request: EmulatorRequest): EmulatorReply {
    const shipment = body.requestedShipment;
    if (postalRefusal(shipment.recipient.address) || postalRefusal(shipment.shipper.address))
      return postalError("rate", request);
    const kg = (shipment.requestedPackageLineItems as Json[]).reduce(
      (sum, item) => sum + Number(item.weight.value) * Number(item.groupPackageCount ?? 1),
      0,
    );
    const currency = shipment.preferredCurrency ?? "USD";
    const wanted = shipment.serviceType as string | undefined;
    const services = Object.entries(SERVICES).filter(([code]) => !wanted || code === wanted);
    const shipDate = shipment.shipDateStamp ?? localNow(ctx.now()).date;
    return {
      status: 200,
      body: {
        transactionId: crypto.randomUUID(),
        output: {
          alerts: [
            {
              code: "SERVICE.TYPE.INTERNATIONAL.MESSAGE",
              alertType: "NOTE",
              message: "Rate does not include duties & taxes, clearance entry fees or other import fees.",
            },
          ],
          rateReplyDetails: services.map(([code, service]) => {
            const total = Math.round((service.base + service.perKg * Math.max(0.5, kg)) * 100) / 100;
            let delivery = shipDate;
            for (let i = 0; i < service.days; i++) delivery = nextBusinessDay(delivery);
            return {
              serviceType: code,
              serviceName: service.name,
              packagingType: "YOUR_PACKAGING",
              ratedShipmentDetails: [
                {
                  rateType: "ACCOUNT",
                  totalBaseCharge: total * 0.8,
                  totalNetCharge: total,
                  totalNetFedExCharge: total,
                  currency,
                },
              ],
              commit: {
                transitDays: {
                  minimumTransitTime: `${DAY_WORDS[service.days - 1]}_DAYS`,
                  description: `${service.days} Business Days`,
                },
              },
              operationalDetail: {
                deliveryDate: `${delivery}T18:00:00`,
                transitTime: `${DAY_WORDS[service.days - 1]}_DAYS`,
              },
            };
          }),
        },
      },
    };
  }

  function labelParty(party: Json): LabelParty {
    return {
      name: party.contact.personName ?? party.contact.companyName ?? "",
      company: party.contact.companyName ?? null,
      streetLines: party.address.streetLines,
      city: party.address.city,
      state: party.address.stateOrProvinceCode ?? null,
      postalCode: party.address.postalCode ?? null,
      countryCode: party.address.countryCode,
    };
  }

  async function ship(body: Json, request: EmulatorRequest, clientId: string): Promise<EmulatorReply> {
    const shipment = body.requestedShipment;
    const recipient = shipment.recipients[0];
    if (postalRefusal(recipient.address) || postalRefusal(shipment.shipper.address))
      return postalError("ship", request);
    if (!SERVICES[shipment.serviceType]) {
      return fedexError(400, [{ code: "SERVICE.TYPE.INVALID", message: "Invalid service type." }], request);
    }
    const attached: string[] = (shipment.shipmentSpecialServices?.etdDetail?.attachedDocuments ?? []).map((doc: Json) =>
      String(doc.documentId),
    );
    const etd = (shipment.shipmentSpecialServices?.specialServiceTypes ?? []).includes("ELECTRONIC_TRADE_DOCUMENTS");
    if (attached.length > 0 && !etd) {
      return fedexError(
        400,
        [
          {
            code: "ETD.SPECIALSERVICE.REQUIRED",
            message: "ELECTRONIC_TRADE_DOCUMENTS is required to attach documents.",
          },
        ],
        request,
      );
    }
    // A document another FedEx project uploaded is as unknown to this one as a made-up id.
    const unknown = attached.find((id) => documents.get(id)?.clientId !== clientId);
    if (unknown)
      return fedexError(
        400,
        [{ code: "ETD.DOCUMENT.NOTFOUND", message: `Document ${unknown} was not found.` }],
        request,
      );
    const items = shipment.requestedPackageLineItems as Json[];
    const pieces = items.map(() => generateTrackingNumber("fedex", TRACKING_BASE + ctx.next("fedex:tracking")));
    const reference =
      items[0].customerReferences?.find((r: Json) => r.customerReferenceType === "CUSTOMER_REFERENCE")?.value ?? null;
    const kg = items.reduce((sum, item) => sum + Number(item.weight.value), 0);
    const service = SERVICES[shipment.serviceType];
    const amount = Math.round((service.base + service.perKg * Math.max(0.5, kg)) * 100) / 100;
    const imageType = shipment.labelSpecification.imageType === "ZPLII" ? "ZPLII" : "PDF";
    const createdAt = ctx.now();
    const labels = await Promise.all(
      items.map(async (item, index) => {
        const data = {
          trackingNumber: pieces[index],
          service: shipment.serviceType,
          shipDate: shipment.shipDatestamp ?? localNow(createdAt).date,
          weightKg: Number(item.weight.value),
          piece: `${index + 1}/${items.length}`,
          shipper: labelParty(shipment.shipper),
          recipient: labelParty(recipient),
          reference,
        };
        const bytes =
          imageType === "ZPLII" ? Buffer.from(fedexZplLabel(data)) : Buffer.from(await fedexPdfLabel(data, createdAt));
        return bytes.toString("base64");
      }),
    );
    const record: Shipment = {
      trackingNumber: pieces[0],
      pieces,
      accountNumber: body.accountNumber.value,
      reference,
      serviceType: shipment.serviceType,
      shipDate: shipment.shipDatestamp ?? localNow(createdAt).date,
      labelFormat: imageType,
      documentIds: attached,
      charges: { amount, currency: shipment.preferredCurrency ?? "USD" },
      createdAt,
      voidedAt: null,
      exceptionFrom: null,
      destination: { city: recipient.address.city, countryCode: recipient.address.countryCode },
    };
    shipments.set(record.trackingNumber, record);
    bounded(shipments, MAX_SHIPMENTS);
    return {
      status: 200,
      body: {
        transactionId: crypto.randomUUID(),
        output: {
          transactionShipments: [
            {
              masterTrackingNumber: record.trackingNumber,
              serviceType: record.serviceType,
              shipDatestamp: record.shipDate,
              serviceName: service.name,
              pieceResponses: pieces.map((trackingNumber, index) => ({
                masterTrackingNumber: record.trackingNumber,
                trackingNumber,
                deliveryDatestamp: estimatedDelivery(record).toISOString().slice(0, 10),
                customerReferences: items[index].customerReferences ?? [],
                packageDocuments: [
                  { contentType: "LABEL", copiesToPrint: 1, docType: imageType, encodedLabel: labels[index] },
                ],
              })),
              completedShipmentDetail: {
                shipmentRating: {
                  shipmentRateDetails: [
                    { rateType: "PAYOR_ACCOUNT_SHIPMENT", totalNetCharge: amount, currency: record.charges.currency },
                  ],
                },
              },
            },
          ],
          alerts: [],
        },
      },
    };
  }

  function cancel(body: Json, request: EmulatorRequest): EmulatorReply {
    const shipment = shipments.get(body.trackingNumber);
    if (!shipment || shipment.accountNumber !== body.accountNumber.value) {
      return fedexError(
        404,
        [{ code: "SHIPMENT.NOTFOUND", message: "The shipment could not be found for the tracking number requested." }],
        request,
      );
    }
    if (shipment.voidedAt) {
      return fedexError(
        400,
        [{ code: "SHIPMENT.ALREADY.CANCELLED", message: "This shipment has already been cancelled." }],
        request,
      );
    }
    if (isTendered(shipment, ctx.now())) {
      return fedexError(
        400,
        [{ code: "SHIPMENT.CANCEL.INTRANSIT", message: "The shipment has been picked up and cannot be cancelled." }],
        request,
      );
    }
    shipment.voidedAt = ctx.now();
    return {
      status: 200,
      body: {
        transactionId: crypto.randomUUID(),
        output: { cancelledShipment: true, cancelledHistory: true, successMessage: "Success" },
      },
    };
  }

  function trackResult(shipment: Shipment, detailed: boolean) {
    const now = ctx.now();
    const scans = scansOf(shipment, now);
    const latest = scans[scans.length - 1];
    const offset = (countryCode: string) => (countryCode === "BR" ? "-03:00" : "+00:00");
    const iso = (at: Date, countryCode: string) => {
      const shift = countryCode === "BR" ? -3 * 3_600_000 : 0;
      return `${new Date(at.getTime() + shift).toISOString().slice(0, 19)}${offset(countryCode)}`;
    };
    return {
      trackingNumberInfo: {
        trackingNumber: shipment.trackingNumber,
        carrierCode: "FDXE",
        trackingNumberUniqueId: `12029~${shipment.trackingNumber}~FDEG`,
      },
      latestStatusDetail: {
        code: latest.code,
        derivedCode: latest.code,
        statusByLocale: latest.description,
        description: latest.description,
      },
      dateAndTimes: [
        { type: "ESTIMATED_DELIVERY", dateTime: iso(estimatedDelivery(shipment), shipment.destination.countryCode) },
        { type: "SHIP", dateTime: iso(shipment.createdAt, "BR") },
      ],
      ...(detailed
        ? {
            // FedEx lists scans newest first.
            scanEvents: [...scans].reverse().map((scan) => ({
              date: iso(scan.at, scan.countryCode),
              eventType: scan.code,
              eventDescription: scan.description,
              derivedStatusCode: scan.code,
              exceptionCode: scan.exceptionCode ?? "",
              exceptionDescription: scan.exceptionCode ? "Customer not available or business closed" : "",
              scanLocation: { city: scan.city, countryCode: scan.countryCode },
            })),
          }
        : {}),
    };
  }

  function track(body: Json): EmulatorReply {
    const results = (body.trackingInfo as Json[]).map((info) => {
      const number = String(info.trackingNumberInfo.trackingNumber);
      const shipment = shipments.get(number);
      return {
        trackingNumber: number,
        trackResults: [
          shipment
            ? trackResult(shipment, body.includeDetailedScans === true)
            : {
                trackingNumberInfo: { trackingNumber: number, carrierCode: "", trackingNumberUniqueId: "" },
                error: {
                  code: "TRACKING.TRACKINGNUMBER.NOTFOUND",
                  message: "Tracking number cannot be found. Please correct the tracking number and try again.",
                },
              },
        ],
      };
    });
    return { status: 200, body: { transactionId: crypto.randomUUID(), output: { completeTrackResults: results } } };
  }

  /** Voided shipments stay findable, with their CA (cancelled) status, as a tracking search shows them. */
  function lookup(body: Json, account: string, request: EmulatorRequest): EmulatorReply {
    const info = body.referencesInformation;
    if (info.accountNumber !== account) return wrongAccount(request);
    const found = [...shipments.values()].filter(
      (s) =>
        s.reference === info.value &&
        s.accountNumber === info.accountNumber &&
        s.shipDate >= info.shipDateBegin &&
        s.shipDate <= info.shipDateEndDate,
    );
    const completeTrackResults = found.length
      ? found.map((s) => ({
          trackingNumber: s.trackingNumber,
          trackResults: [trackResult(s, body.includeDetailedScans === true)],
        }))
      : [
          {
            trackingNumber: info.value,
            trackResults: [
              {
                error: {
                  code: "TRACKING.REFERENCENUMBER.NOTFOUND",
                  message: "Reference number cannot be found. Please correct the reference number and try again.",
                },
              },
            ],
          },
        ];
    return { status: 200, body: { transactionId: crypto.randomUUID(), output: { completeTrackResults } } };
  }

  return { rate, ship, cancel, track, lookup };
}
