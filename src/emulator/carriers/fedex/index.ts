// The FedEx REST API as the emulator serves it below /fedex (and the ETD document host below
// /fedex-documents): FedEx's paths, answer shapes and error bodies per /work/shared/CARRIERS.md
// "FedEx" and FedEx's OpenAPI files (karrio modules/connectors/fedex/vendor/*.json); every request
// body checked against contract.ts. State is in memory and bounded.
import crypto from "node:crypto";
import { generateTrackingNumber } from "@/domain/tracking";
import type { CarrierContext, CarrierModule, CarrierModuleFactory, EmulatorReply, EmulatorRequest } from "../context";
import { checkFedexRequest, type FedexOperation } from "./contract";
import { fedexPdfLabel, fedexZplLabel, type LabelParty } from "./label";
import { boundaryOf, parseMultipart } from "./multipart";
import { ACCESS_TIME, bookingRefusal, CUTOFF, dayRefusal, localNow, nextBusinessDay } from "./pickups";
import { estimatedDelivery, isTendered, scansOf, type TrackedParcel } from "./tracking";

/** CARRIERS.md FedEx §1: a token lasts 60 minutes. */
const TOKEN_SECONDS = 3600;
const MAX_SHIPMENTS = 100_000;
const MAX_TOKENS = 10_000;
const MAX_PICKUPS = 100_000;
const MAX_DOCUMENTS = 100_000;
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

/** Postal code shapes the emulator checks (a wrong one is FedEx's postal code refusal). */
const POSTAL_CODES: Record<string, RegExp> = { US: /^[0-9]{5}(-[0-9]{4})?$/, BR: /^[0-9]{5}-?[0-9]{3}$/ };

interface Shipment extends TrackedParcel {
  trackingNumber: string;
  pieces: string[];
  accountNumber: string;
  reference: string | null;
  serviceType: string;
  shipDate: string;
  labelFormat: "PDF" | "ZPLII";
  documentIds: string[];
  charges: { amount: number; currency: string };
}

interface Pickup {
  confirmationCode: string;
  location: string;
  accountNumber: string;
  date: string;
  readyTime: string;
  closeTime: string;
  packageCount: number | null;
  remarks: string | null;
  cancelled: boolean;
}

interface StoredDocument {
  docId: string;
  name: string;
  contentType: string;
  size: number;
  origin: string;
  destination: string;
  clientId: string;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- validated by the contract first

type Reply = EmulatorReply & { operation: string };

/** FedEx's error body (CARRIERS.md FedEx §6). */
function fedexError(
  status: number,
  errors: { code: string; message: string; parameterList?: unknown[] }[],
  request?: EmulatorRequest,
): EmulatorReply {
  const echoed = request?.headers["x-customer-transaction-id"];
  return {
    status,
    body: {
      transactionId: crypto.randomUUID(),
      ...(typeof echoed === "string" ? { customerTransactionId: echoed } : {}),
      errors,
    },
  };
}

const NOT_AUTHORIZED = {
  code: "NOT.AUTHORIZED.ERROR",
  message: "Access token expired. Please modify your request and try again.",
};

/** Keeps a map under `max` entries by dropping the oldest (insertion order). */
function bounded<K, V>(map: Map<K, V>, max: number): void {
  while (map.size > max) map.delete(map.keys().next().value as K);
}

const ROUTES: { host: "api" | "documents"; method: string; path: string; operation: FedexOperation }[] = [
  { host: "api", method: "POST", path: "/oauth/token", operation: "token" },
  { host: "api", method: "POST", path: "/rate/v1/rates/quotes", operation: "rate" },
  { host: "api", method: "POST", path: "/ship/v1/shipments", operation: "ship" },
  { host: "api", method: "PUT", path: "/ship/v1/shipments/cancel", operation: "void" },
  { host: "api", method: "POST", path: "/track/v1/referencenumbers", operation: "lookup" },
  { host: "api", method: "POST", path: "/track/v1/trackingnumbers", operation: "track" },
  { host: "api", method: "POST", path: "/pickup/v1/pickups/availabilities", operation: "pickupAvailability" },
  { host: "api", method: "POST", path: "/pickup/v1/pickups", operation: "pickupCreate" },
  { host: "api", method: "PUT", path: "/pickup/v1/pickups/cancel", operation: "pickupCancel" },
  { host: "documents", method: "POST", path: "/documents/v1/etds/upload", operation: "upload" },
];

export const createFedexModule: CarrierModuleFactory = (ctx: CarrierContext): CarrierModule => {
  let tokens = new Map<string, { clientId: string; accountNumber: string; expiresAt: number }>();
  let shipments = new Map<string, Shipment>();
  let pickups = new Map<string, Pickup>();
  let documents = new Map<string, StoredDocument>();

  const ok = (operation: string, body: unknown, status = 200): Reply => ({ status, body, operation });
  const refuse = (operation: string, reply: EmulatorReply): Reply => ({ ...reply, operation });
  const tooManyRequests = (): EmulatorReply => ({
    ...fedexError(429, [
      {
        code: "TOO.MANY.REQUESTS.ERROR",
        message: "We have received too many requests in a short duration. Please wait a while to try again.",
      },
    ]),
    headers: { "Retry-After": "10" },
  });

  function issueToken(request: EmulatorRequest): Reply {
    const form = Object.fromEntries(new URLSearchParams(request.body.toString("utf8")));
    const problems = checkFedexRequest("token", form);
    if (problems.length) {
      return refuse(
        "token",
        fedexError(
          400,
          [{ code: "BAD.REQUEST.ERROR", message: "The given client credentials were not valid." }],
          request,
        ),
      );
    }
    const account = ctx
      .accounts("fedex")
      .find((a) => a.clientId === form.client_id && a.clientSecret === form.client_secret);
    if (!account) {
      return refuse(
        "token",
        fedexError(
          401,
          [
            {
              code: "NOT.AUTHORIZED.ERROR",
              message: "The given client credentials were not valid. Please modify your request and try again.",
            },
          ],
          request,
        ),
      );
    }
    const fault = ctx.takeFault("fedex", "token");
    if (fault === "serverError")
      return refuse(
        "token",
        fedexError(500, [
          {
            code: "INTERNAL.SERVER.ERROR",
            message: "We encountered an unexpected error and are working to resolve the issue.",
          },
        ]),
      );
    if (fault === "rateLimit") return refuse("token", tooManyRequests());
    if (fault === "unauthorized") return refuse("token", fedexError(401, [NOT_AUTHORIZED], request));
    const accessToken = crypto.randomBytes(24).toString("base64url");
    tokens.set(accessToken, {
      clientId: account.clientId,
      accountNumber: account.accountNumber,
      expiresAt: ctx.now().getTime() + TOKEN_SECONDS * 1000,
    });
    bounded(tokens, MAX_TOKENS);
    const reply = ok("token", {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: TOKEN_SECONDS,
      scope: "CXS",
    });
    return fault === "timeout" ? { ...reply, hold: true } : reply;
  }

  function authenticate(request: EmulatorRequest) {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer (\S+)$/i.exec(header);
    const session = match ? tokens.get(match[1]) : undefined;
    if (!session || session.expiresAt <= ctx.now().getTime()) return null;
    return session;
  }

  function parseJson(request: EmulatorRequest): unknown {
    try {
      return JSON.parse(request.body.toString("utf8"));
    } catch {
      return undefined;
    }
  }

  function invalid(problems: { path: string; message: string }[], request: EmulatorRequest): EmulatorReply {
    return fedexError(
      400,
      problems.slice(0, 20).map((problem) => ({
        code: "INVALID.INPUT.EXCEPTION",
        message: `Invalid field value in the input: ${problem.path} ${problem.message}`,
        parameterList: [{ key: "field", value: problem.path }],
      })),
      request,
    );
  }

  function wrongAccount(request: EmulatorRequest): EmulatorReply {
    return fedexError(
      400,
      [
        {
          code: "ACCOUNTNUMBER.REGISTRATION.REQUIRED",
          message: "Please provide a valid account number for this client.",
        },
      ],
      request,
    );
  }

  function postalRefusal(address: Json | undefined): boolean {
    const pattern = address ? POSTAL_CODES[String(address.countryCode)] : undefined;
    return pattern !== undefined && !pattern.test(String(address?.postalCode ?? ""));
  }

  const postalError = (operation: FedexOperation, request: EmulatorRequest) =>
    fedexError(
      400,
      [
        operation === "ship"
          ? { code: "SHIP.RECIPIENT.POSTALCITY.MISMATCH", message: "Recipient Postal-City Mismatch." }
          : { code: "RATE.RECIPIENT.POSTALCODE.INVALID", message: "Recipient postal code or routing code is invalid." },
      ],
      request,
    );

  // --- Operations (body already valid against the contract) -------------------------------------

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

  const hhmmss = (t: { hours: number; minutes: number }) =>
    `${String(t.hours).padStart(2, "0")}:${String(t.minutes).padStart(2, "0")}:00`;

  function availability(body: Json): EmulatorReply {
    const today = localNow(ctx.now()).date;
    const asked: string = body.dispatchDate ?? today;
    const dates = [asked, nextBusinessDay(asked)];
    return {
      status: 200,
      body: {
        transactionId: crypto.randomUUID(),
        output: {
          requestTimestamp: ctx.now().toISOString(),
          options: dates.map((date) => ({
            carrier: "FDXE",
            available: dayRefusal(date, ctx.now()) === null,
            pickupDate: date,
            scheduleDay: date === today ? "SAME_DAY" : "FUTURE_DAY",
            cutOffTime: hhmmss(CUTOFF),
            accessTime: { ...ACCESS_TIME },
            residentialAvailable: false,
            countryRelationship: body.countryRelationship,
            defaultReadyTime: "09:00:00",
            readyTimeOptions: ["09:00:00", "10:00:00", "11:00:00", "12:00:00", "13:00:00", "14:00:00"],
            latestTimeOptions: ["16:00:00", "17:00:00", "18:00:00"],
          })),
        },
      },
    };
  }

  function createPickup(body: Json, request: EmulatorRequest): EmulatorReply {
    const origin = body.originDetail;
    if (postalRefusal(origin.pickupLocation.address)) {
      return fedexError(
        400,
        [{ code: "PICKUP.POSTALCODE.INVALID", message: "Pickup postal code is invalid." }],
        request,
      );
    }
    const [date, time] = String(origin.readyDateTimestamp).split("T");
    const readyTime = time.slice(0, 5);
    const closeTime = String(origin.customerCloseTime).slice(0, 5);
    const refusal = bookingRefusal(date, readyTime, closeTime, ctx.now());
    if (refusal) return fedexError(400, [refusal], request);
    const confirmationCode = String(ctx.next("fedex:pickup")).padStart(8, "0");
    pickups.set(confirmationCode, {
      confirmationCode,
      location: "SAOA",
      accountNumber: body.associatedAccountNumber.value,
      date,
      readyTime,
      closeTime,
      packageCount: body.packageCount ?? null,
      remarks: body.remarks ?? null,
      cancelled: false,
    });
    bounded(pickups, MAX_PICKUPS);
    return {
      status: 200,
      body: {
        transactionId: crypto.randomUUID(),
        output: {
          pickupConfirmationCode: confirmationCode,
          location: "SAOA",
          message: "Pickup request scheduled.",
          alerts: [],
        },
      },
    };
  }

  function cancelPickup(body: Json, request: EmulatorRequest): EmulatorReply {
    const pickup = pickups.get(body.pickupConfirmationCode);
    if (!pickup || pickup.accountNumber !== body.associatedAccountNumber.value || pickup.date !== body.scheduledDate) {
      return fedexError(
        400,
        [{ code: "PICKUP.CONFIRMATIONNUMBER.NOTFOUND", message: "The pickup confirmation number was not found." }],
        request,
      );
    }
    if (pickup.cancelled)
      return fedexError(
        400,
        [{ code: "PICKUP.ALREADY.CANCELLED", message: "The pickup has already been cancelled." }],
        request,
      );
    if (body.location !== undefined && body.location !== pickup.location) {
      return fedexError(
        400,
        [{ code: "PICKUP.LOCATION.INVALID", message: "The location does not match the pickup." }],
        request,
      );
    }
    pickup.cancelled = true;
    return {
      status: 200,
      body: {
        transactionId: crypto.randomUUID(),
        output: {
          pickupConfirmationCode: pickup.confirmationCode,
          cancelConfirmationMessage: "Requested pickup has been cancelled successfully.",
        },
      },
    };
  }

  function upload(request: EmulatorRequest, clientId: string): EmulatorReply & { document?: unknown } {
    const boundary = boundaryOf(request.headers["content-type"]);
    const parts = boundary ? parseMultipart(request.body, boundary) : null;
    const documentPart = parts?.find((part) => part.name === "document");
    const attachment = parts?.find((part) => part.name === "attachment");
    if (!parts || !documentPart || !attachment || attachment.data.length === 0) {
      return fedexError(
        400,
        [{ code: "1001", message: "Invalid request: invalid input : Invalid document details" }],
        request,
      );
    }
    let document: Json;
    try {
      document = JSON.parse(documentPart.data.toString("utf8"));
    } catch {
      return fedexError(
        400,
        [{ code: "1001", message: "Invalid request: invalid input : Invalid document details" }],
        request,
      );
    }
    const problems = checkFedexRequest("upload", document);
    if (problems.length) return invalid(problems, request);
    if (document.contentType === "application/pdf" && attachment.data.subarray(0, 5).toString("latin1") !== "%PDF-") {
      return fedexError(
        400,
        [{ code: "1001", message: "Invalid request: invalid input : The attachment is not a PDF" }],
        request,
      );
    }
    const docId = `0904${String(ctx.next("fedex:document")).padStart(12, "0")}`;
    documents.set(docId, {
      docId,
      name: document.name,
      contentType: document.contentType,
      size: attachment.data.length,
      origin: document.meta.originCountryCode,
      destination: document.meta.destinationCountryCode,
      clientId,
    });
    bounded(documents, MAX_DOCUMENTS);
    return { status: 201, body: { output: { meta: { documentType: "CI", docId, folderId: "0b0493e1812f8921" } } } };
  }

  async function perform(
    operation: FedexOperation,
    body: Json,
    session: { accountNumber: string; clientId: string },
    request: EmulatorRequest,
  ): Promise<EmulatorReply> {
    const account = session.accountNumber;
    switch (operation) {
      case "rate":
        return rate(body, request);
      case "ship":
        return ship(body, request, session.clientId);
      case "void":
        return cancel(body, request);
      case "lookup":
        return lookup(body, account, request);
      case "track":
        return track(body);
      case "pickupAvailability":
        return availability(body);
      case "pickupCreate":
        return createPickup(body, request);
      case "pickupCancel":
        return cancelPickup(body, request);
      default:
        throw new Error(`No JSON handler for ${operation}`);
    }
  }

  /** The account number a body names (rate/ship/void: accountNumber; pickups: associatedAccountNumber). */
  function accountOf(body: Json): string | undefined {
    return body.accountNumber?.value ?? body.associatedAccountNumber?.value;
  }

  function faultReply(fault: string, operation: FedexOperation, request: EmulatorRequest): EmulatorReply | null {
    switch (fault) {
      case "serverError":
        return fedexError(
          500,
          [
            {
              code: "INTERNAL.SERVER.ERROR",
              message: "We encountered an unexpected error and are working to resolve the issue.",
            },
          ],
          request,
        );
      case "rateLimit":
        return tooManyRequests();
      case "unauthorized":
        return fedexError(401, [NOT_AUTHORIZED], request);
      case "invalidPostalCode":
        return postalError(operation, request);
      case "pickupNotAvailable":
        return fedexError(
          400,
          [{ code: "PICKUP.SCHEDULE.NOTAVAILABLE", message: "Pickup is not available on the requested date." }],
          request,
        );
      default:
        return null;
    }
  }

  return {
    carrier: "fedex",
    tooManyRequests,

    async handle(request) {
      const route = ROUTES.find((r) => r.host === request.host && r.path === request.path);
      if (!route) {
        return refuse(
          "unknown",
          fedexError(
            404,
            [
              {
                code: "NOT.FOUND.ERROR",
                message: "The resource you requested is no longer available. Please modify your request and try again.",
              },
            ],
            request,
          ),
        );
      }
      if (route.method !== request.method) {
        return refuse(
          route.operation,
          fedexError(
            405,
            [{ code: "METHOD.NOT.ALLOWED", message: "The request method is not supported for this resource." }],
            request,
          ),
        );
      }
      if (route.operation === "token") return issueToken(request);
      const session = authenticate(request);
      if (!session) return refuse(route.operation, fedexError(401, [NOT_AUTHORIZED], request));
      let body: Json = {};
      if (route.operation !== "upload") {
        const parsed = parseJson(request);
        if (typeof parsed !== "object" || parsed === null) {
          return refuse(
            route.operation,
            fedexError(
              400,
              [{ code: "INVALID.INPUT.EXCEPTION", message: "Invalid JSON in the request body." }],
              request,
            ),
          );
        }
        const problems = checkFedexRequest(route.operation, parsed);
        if (problems.length) return refuse(route.operation, invalid(problems, request));
        body = parsed as Json;
        const account = accountOf(body);
        if (account !== undefined && account !== session.accountNumber)
          return refuse(route.operation, wrongAccount(request));
      }
      const fault = ctx.takeFault("fedex", route.operation);
      const faulted = fault ? faultReply(fault, route.operation, request) : null;
      if (faulted) return refuse(route.operation, faulted);
      const reply =
        route.operation === "upload"
          ? upload(request, session.clientId)
          : await perform(route.operation, body, session, request);
      return { ...reply, operation: route.operation, ...(fault === "timeout" ? { hold: true } : {}) };
    },

    setTrackingScenario(trackingNumber, scenario) {
      const shipment = shipments.get(trackingNumber);
      if (!shipment) return false;
      shipment.exceptionFrom = scenario === "exception" ? ctx.now() : null;
      return true;
    },

    snapshot() {
      return {
        shipments: [...shipments.values()].map((s) => ({
          trackingNumber: s.trackingNumber,
          pieces: s.pieces,
          accountNumber: s.accountNumber,
          reference: s.reference,
          serviceType: s.serviceType,
          shipDate: s.shipDate,
          labelFormat: s.labelFormat,
          documentIds: s.documentIds,
          charges: s.charges,
          createdAt: s.createdAt.toISOString(),
          voided: s.voidedAt !== null,
          status: scansOf(s, ctx.now()).at(-1)?.code ?? null,
        })),
        pickups: [...pickups.values()],
        documents: [...documents.values()],
      };
    },

    reset() {
      tokens = new Map();
      shipments = new Map();
      pickups = new Map();
      documents = new Map();
    },
  };
};
