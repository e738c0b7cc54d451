// The emulated MyDHL API 3.1.1 (DHL Express), mounted at /dhl: the paths our client uses, DHL's
// HTTP Basic auth, its error body {instance, detail, title, message, status, additionalDetails}
// (CARRIERS.md "Errors"), requests checked against contract.ts, labels, pickups with cut-offs,
// tracking checkpoints that advance on the emulator's clock, and faults on demand.
import { createHash } from "node:crypto";
import { addDays, daysBetween, isWeekend } from "@/domain/calendar";
import { originNow } from "@/domain/local-time";
import { generateTrackingNumber } from "@/domain/tracking";
import type {
  CarrierContext,
  CarrierModule,
  CarrierModuleFactory,
  EmulatorAccount,
  EmulatorReply,
  EmulatorRequest,
} from "../context";
import { dhlContractProblems, type DhlRequestKind } from "./contract";
import { labelPdf, labelZpl, type LabelData } from "./label";
import { trackedShipment, type TrackedShipment } from "./tracking";

const MAX_SHIPMENTS = 100_000;
const MAX_PICKUPS = 20_000;
/** Same-day pickup cut-off and the minimum ready → close window we emulate (São Paulo time). */
const CUTOFF = "17:00";
const MIN_WINDOW_MINUTES = 120;

interface StoredDocument {
  typeCode: string;
  imageFormat: string;
  bytes: number;
  sha256: string;
}

interface Shipment extends TrackedShipment {
  accountNumber: string;
  labelFormat: string;
  waybillPdf: string;
  documents: StoredDocument[];
  paperless: boolean;
}

interface Pickup {
  confirmationNumber: string;
  accountNumber: string;
  date: string;
  status: "booked" | "cancelled";
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function problem(
  status: number,
  instance: string,
  title: string,
  detail: string,
  additionalDetails?: string[],
): EmulatorReply {
  return {
    status,
    headers: { "Content-Type": "application/problem+json" },
    body: {
      instance: `/expressapi${instance}`,
      detail,
      title,
      message: title,
      status: String(status),
      ...(additionalDetails ? { additionalDetails } : {}),
    },
  };
}

/** "YYYY-MM-DDTHH:MM:SS GMT-03:00" → its local date and time, and the instant. */
function parsePlanned(value: string): { date: string; time: string; at: Date } | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2} GMT([+-]\d{2}:\d{2})$/.exec(value);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:00${m[3]}`);
  return Number.isNaN(at.getTime()) ? null : { date: m[1], time: m[2], at };
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const createDhlModule: CarrierModuleFactory = (ctx: CarrierContext): CarrierModule => {
  let shipments = new Map<string, Shipment>();
  let pickups = new Map<string, Pickup>();

  function authenticate(request: EmulatorRequest): EmulatorAccount | null {
    const header = request.headers.authorization ?? "";
    const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
    if (!m) return null;
    const decoded = Buffer.from(m[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return null;
    const [key, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    return ctx.accounts("dhl").find((account) => account.clientId === key && account.clientSecret === secret) ?? null;
  }

  const unauthorized = (path: string) => problem(401, path, "Unauthorized", "Invalid Credentials");
  const invalidAccount = (path: string) => problem(400, path, "Bad request", "8007: The Shipper Account is invalid.");
  const invalidPostal = (path: string) => problem(400, path, "Bad request", "Invalid postal code provided");

  function contract(kind: DhlRequestKind, path: string, body: unknown): EmulatorReply | null {
    const problems = dhlContractProblems(kind, body);
    if (problems.length === 0) return null;
    return problems.length === 1
      ? problem(400, path, "Bad request", problems[0])
      : problem(400, path, "Bad request", "Multiple problems found, see Additional Details", problems);
  }

  function accountOf(body: unknown): string | null {
    const accounts = isObject(body) && Array.isArray(body.accounts) ? body.accounts.filter(isObject) : [];
    const shipper = accounts.find((a) => a.typeCode === "shipper");
    return shipper && typeof shipper.number === "string" ? shipper.number : null;
  }

  /** A postal code we refuse as DHL would: all zeros (or none where the country has them, here the US and BR). */
  function badPostalCode(address: unknown): boolean {
    if (!isObject(address)) return false;
    const code = String(address.postalCode ?? "");
    return (["US", "BR"].includes(String(address.countryCode)) && code.trim() === "") || /^0+(-0+)?$/.test(code.trim());
  }

  function products(planned: { date: string; at: Date }, pickupAvailable: boolean, weightKg: number) {
    const today = originNow(ctx.now()).date;
    const sameDayClosed = planned.date === today && originNow(ctx.now()).time >= CUTOFF;
    const nextBusinessDay = !pickupAvailable || isWeekend(planned.date) || sameDayClosed;
    const price = (base: number) => Math.round((base + 62.4 * weightKg) * 100) / 100;
    const product = (code: string, name: string, base: number, days: number) => ({
      productName: name,
      productCode: code,
      localProductCode: code,
      networkTypeCode: "TD",
      isCustomerAgreement: false,
      weight: { volumetric: 0, provided: weightKg, unitOfMeasurement: "metric" },
      totalPrice: [
        { currencyType: "BILLC", priceCurrency: "BRL", price: price(base) },
        { currencyType: "PULCL", priceCurrency: "BRL", price: price(base) },
      ],
      pickupCapabilities: {
        nextBusinessDay,
        localCutoffDateAndTime: `${planned.date}T${CUTOFF}:00`,
        pickupEarliest: "09:00:00",
        pickupLatest: "18:00:00",
        originServiceAreaCode: "SAO",
        originFacilityAreaCode: "SAO",
      },
      deliveryCapabilities: {
        deliveryTypeCode: "QDDC",
        estimatedDeliveryDateAndTime: `${addDays(planned.date, days)}T23:59:00`,
        destinationServiceAreaCode: "JFK",
        totalTransitDays: days,
      },
    });
    return [product("P", "EXPRESS WORLDWIDE", 240, 4), product("K", "EXPRESS 9:00", 410, 3)];
  }

  async function createShipment(body: Json, account: EmulatorAccount, path: string): Promise<EmulatorReply> {
    const planned = parsePlanned(String(body.plannedShippingDateAndTime));
    if (!planned) return problem(400, path, "Bad request", "998: ShipTimeStamp is not well formatted");
    const today = originNow(ctx.now()).date;
    if (planned.date < today || daysBetween(today, planned.date) > 10) {
      return problem(422, path, "Unprocessable Entity", "998: ShipTimeStamp must be today or up to 10 days ahead");
    }
    const details = body.customerDetails as Json;
    const receiver = (details.receiverDetails as Json).postalAddress as Json;
    if (badPostalCode(receiver) || badPostalCode((details.shipperDetails as Json).postalAddress))
      return invalidPostal(path);
    const content = body.content as Json;
    const images = Array.isArray(body.documentImages) ? (body.documentImages as Json[]) : [];
    const paperless =
      Array.isArray(body.valueAddedServices) && (body.valueAddedServices as Json[]).some((v) => v.serviceCode === "WY");
    if (paperless && images.length === 0) {
      return problem(422, path, "Unprocessable Entity", "Paperless Trade (WY) needs the invoice in documentImages");
    }
    const documents: StoredDocument[] = [];
    for (const image of images) {
      const bytes = Buffer.from(String(image.content), "base64");
      if (image.imageFormat === "PDF" && bytes.subarray(0, 5).toString("latin1") !== "%PDF-") {
        return problem(422, path, "Unprocessable Entity", "documentImages: the content is not a PDF");
      }
      documents.push({
        typeCode: String(image.typeCode ?? "INV"),
        imageFormat: String(image.imageFormat ?? "PDF"),
        bytes: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
    }
    const trackingNumber = generateTrackingNumber("dhl", 1_000_000_000 + (ctx.next("dhl:awb") % 9_000_000_000));
    const format = String((body.outputImageProperties as Json | undefined)?.encodingFormat ?? "pdf");
    if (format !== "pdf" && format !== "zpl")
      return problem(422, path, "Unprocessable Entity", `Encoding format ${format} is not emulated`);
    const party = (p: Json) => {
      const a = p.postalAddress as Json;
      const c = p.contactInformation as Json;
      return [
        String(c.companyName),
        String(a.addressLine1),
        `${String(a.postalCode)} ${String(a.cityName)}`,
        String(a.countryCode),
      ];
    };
    const packages = content.packages as Json[];
    const data: LabelData = {
      trackingNumber,
      productName: body.productCode === "P" ? "EXPRESS WORLDWIDE" : `PRODUCT ${String(body.productCode)}`,
      shipper: party(details.shipperDetails as Json),
      receiver: party(details.receiverDetails as Json),
      weightKg: packages.reduce((sum, p) => sum + Number(p.weight), 0),
      piece: `1/${packages.length}`,
      createdAt: ctx.now(),
    };
    const waybill = Buffer.from(await labelPdf(data)).toString("base64");
    const label = format === "pdf" ? waybill : Buffer.from(labelZpl(data), "utf8").toString("base64");
    const refs = Array.isArray(body.customerReferences) ? (body.customerReferences as Json[]) : [];
    const shipment: Shipment = {
      trackingNumber,
      accountNumber: account.accountNumber,
      productCode: String(body.productCode),
      reference: typeof refs[0]?.value === "string" ? refs[0].value : null,
      plannedDate: planned.date,
      createdAt: ctx.now(),
      labelFormat: format,
      waybillPdf: waybill,
      documents,
      paperless,
      exceptionAt: null,
      receiverCity: String(receiver.cityName).toUpperCase(),
    };
    shipments.set(trackingNumber, shipment);
    while (shipments.size > MAX_SHIPMENTS) shipments.delete(shipments.keys().next().value!);
    const weight = data.weightKg;
    return {
      status: 201,
      body: {
        url: "https://express.api.dhl.com/mydhlapi/shipments",
        shipmentTrackingNumber: trackingNumber,
        trackingUrl: `https://express.api.dhl.com/mydhlapi/shipments/${trackingNumber}/tracking`,
        packages: packages.map((_, i) => ({ referenceNumber: i + 1, trackingNumber: `JD0${trackingNumber}${i + 1}` })),
        documents: [
          { imageFormat: format.toUpperCase(), content: label, typeCode: "label" },
          { imageFormat: "PDF", content: waybill, typeCode: "waybillDoc" },
        ],
        shipmentCharges: [
          { currencyType: "BILLC", priceCurrency: "BRL", price: Math.round((240 + 62.4 * weight) * 100) / 100 },
        ],
      },
    };
  }

  function bookPickup(body: Json, account: EmulatorAccount, path: string): EmulatorReply {
    const planned = parsePlanned(String(body.plannedPickupDateAndTime));
    if (!planned) return problem(400, path, "Bad request", "998: PickupTimeStamp is not well formatted");
    const local = originNow(ctx.now());
    const refuse = (why: string) => problem(422, path, "Unprocessable Entity", `Pickup not available: ${why}`);
    if (planned.date < local.date || (planned.date === local.date && planned.time < local.time))
      return refuse("the requested time is in the past");
    if (daysBetween(local.date, planned.date) > 10) return refuse("pickups are booked at most 10 days ahead");
    if (isWeekend(planned.date)) return refuse("no pickups on Saturdays and Sundays");
    if (planned.time >= CUTOFF || (planned.date === local.date && local.time >= CUTOFF))
      return refuse(`after the cut-off time ${CUTOFF}`);
    const close = typeof body.closeTime === "string" ? body.closeTime : "18:00";
    if (minutes(close) - minutes(planned.time) < MIN_WINDOW_MINUTES) {
      return refuse(`the ready and close times must be at least ${MIN_WINDOW_MINUTES} minutes apart`);
    }
    const confirmationNumber = `PRG${planned.date.slice(2).replace(/-/g, "")}${String(ctx.next("dhl:pickup")).padStart(6, "0")}`;
    pickups.set(confirmationNumber, {
      confirmationNumber,
      accountNumber: account.accountNumber,
      date: planned.date,
      status: "booked",
    });
    while (pickups.size > MAX_PICKUPS) pickups.delete(pickups.keys().next().value!);
    return {
      status: 201,
      body: {
        dispatchConfirmationNumbers: [confirmationNumber],
        readyByTime: `${planned.time}:00`,
        nextPickupDate: planned.date,
      },
    };
  }

  function parseJson(raw: Buffer): unknown {
    try {
      return JSON.parse(raw.toString("utf8"));
    } catch {
      return undefined;
    }
  }

  /** The route of a request: its operation name (faults, log) and what carries it out. */
  function route(request: EmulatorRequest): {
    operation: string;
    kind?: DhlRequestKind;
    run: (account: EmulatorAccount, body: unknown) => Promise<EmulatorReply> | EmulatorReply;
  } | null {
    const { method, path, query } = request;
    if (method === "GET" && path === "/products") {
      return {
        operation: "rate",
        run: (account) => {
          if (query.get("accountNumber") !== account.accountNumber) return invalidAccount(path);
          const date = query.get("plannedShippingDate") ?? "";
          if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
            return problem(400, path, "Bad request", "Missing mandatory parameters: plannedShippingDate");
          const weight = Number(query.get("weight"));
          if (!Number.isFinite(weight) || weight <= 0) {
            return problem(400, path, "Bad request", "Parameters not having correct format: weight");
          }
          return { status: 200, body: { products: products({ date, at: ctx.now() }, true, weight) } };
        },
      };
    }
    if (method === "POST" && path === "/rates") {
      return {
        operation: "rate",
        kind: "rate",
        run: (account, body) => {
          const b = body as Json;
          if (accountOf(b) !== null && accountOf(b) !== account.accountNumber) return invalidAccount(path);
          const details = b.customerDetails as Json;
          if (badPostalCode(details.receiverDetails) || badPostalCode(details.shipperDetails))
            return invalidPostal(path);
          const planned = parsePlanned(String(b.plannedShippingDateAndTime));
          if (!planned) return problem(400, path, "Bad request", "998: ShipTimeStamp is not well formatted");
          const weight = (b.packages as Json[]).reduce((sum, p) => sum + Number(p.weight), 0);
          return { status: 200, body: { products: products(planned, !pickupRefused, weight) } };
        },
      };
    }
    if (method === "POST" && path === "/shipments") {
      return {
        operation: "ship",
        kind: "shipment",
        run: (account, body) =>
          accountOf(body) !== account.accountNumber
            ? invalidAccount(path)
            : createShipment(body as Json, account, path),
      };
    }
    if (method === "GET" && path === "/tracking") {
      const reference = query.get("shipmentReference");
      return {
        operation: reference ? "lookup" : "track",
        run: (account) => {
          let found: Shipment[];
          if (reference) {
            if (query.get("shipperAccountNumber") !== account.accountNumber) return invalidAccount(path);
            const from = query.get("dateRangeFrom") ?? "0000-00-00";
            const to = query.get("dateRangeTo") ?? "9999-12-31";
            found = [...shipments.values()].filter(
              (s) =>
                s.accountNumber === account.accountNumber &&
                s.reference === reference &&
                s.plannedDate >= from &&
                s.plannedDate <= to,
            );
          } else {
            const numbers = (query.get("shipmentTrackingNumber") ?? "").split(",").filter(Boolean);
            if (numbers.length === 0)
              return problem(400, path, "Bad request", "Missing mandatory parameters: shipmentTrackingNumber");
            if (numbers.length > 200)
              return problem(400, path, "Bad request", "At most 200 shipmentTrackingNumber values");
            found = numbers.map((n) => shipments.get(n)).filter((s): s is Shipment => s !== undefined);
          }
          if (found.length === 0) return problem(404, path, "Not Found", "No shipments found");
          return { status: 200, body: { shipments: found.map((s) => trackedShipment(s, ctx.now())) } };
        },
      };
    }
    const image = /^\/shipments\/([^/]+)\/get-image$/.exec(path);
    if (method === "GET" && image) {
      return {
        operation: "label",
        run: (account) => {
          if (query.get("shipperAccountNumber") !== account.accountNumber) return invalidAccount(path);
          for (const name of ["typeCode", "pickupYearAndMonth"]) {
            if (!query.get(name)) return problem(400, path, "Bad request", `Missing mandatory parameters: ${name}`);
          }
          const shipment = shipments.get(decodeURIComponent(image[1]));
          if (!shipment || shipment.accountNumber !== account.accountNumber)
            return problem(404, path, "Not Found", "No shipments found");
          if (query.get("typeCode") !== "waybill" || (query.get("encodingFormat") ?? "pdf") !== "pdf") {
            return problem(404, path, "Not Found", "Requested document image not found");
          }
          return {
            status: 200,
            body: {
              documents: [
                {
                  shipmentTrackingNumber: shipment.trackingNumber,
                  typeCode: "waybill",
                  function: "export",
                  encodingFormat: "pdf",
                  content: shipment.waybillPdf,
                },
              ],
            },
          };
        },
      };
    }
    if (method === "POST" && path === "/pickups") {
      return {
        operation: "pickupCreate",
        kind: "pickup",
        run: (account, body) =>
          accountOf(body) !== account.accountNumber ? invalidAccount(path) : bookPickup(body as Json, account, path),
      };
    }
    const cancel = /^\/pickups\/([^/]+)$/.exec(path);
    if (method === "DELETE" && cancel) {
      return {
        operation: "pickupCancel",
        run: (account) => {
          // Both required (spec example: "Missing mandatory parameters: requestorName").
          for (const name of ["requestorName", "reason"]) {
            if (!query.get(name)) return problem(400, path, "Bad request", `Missing mandatory parameters: ${name}`);
          }
          const pickup = pickups.get(decodeURIComponent(cancel[1]));
          if (!pickup || pickup.status !== "booked" || pickup.accountNumber !== account.accountNumber) {
            return problem(
              404,
              path,
              "Not Found",
              "Cancellation of booking was not successful. Requested Pickup was not found",
            );
          }
          pickup.status = "cancelled";
          return { status: 200 };
        },
      };
    }
    return null;
  }

  /** Set for one request by a pickupNotAvailable fault on "rate": the products answer no same-day pickup. */
  let pickupRefused = false;

  return {
    carrier: "dhl",
    async handle(request) {
      const found = route(request);
      if (!found)
        return {
          ...problem(404, request.path, "Not Found", "The requested resource is not available"),
          operation: "unknown",
        };
      const { operation } = found;
      const account = authenticate(request);
      if (!account) return { ...unauthorized(request.path), operation };
      const fault = ctx.takeFault("dhl", operation);
      if (fault === "serverError")
        return {
          ...problem(500, request.path, "Internal Server Error", "500: Internal server error, please try again"),
          operation,
        };
      if (fault === "rateLimit") return { ...this.tooManyRequests(), operation };
      if (fault === "unauthorized") return { ...unauthorized(request.path), operation };
      if (fault === "invalidPostalCode") return { ...invalidPostal(request.path), operation };
      if (fault === "pickupNotAvailable" && operation === "pickupCreate") {
        return {
          ...problem(
            422,
            request.path,
            "Unprocessable Entity",
            "Pickup not available for the requested address and date",
          ),
          operation,
        };
      }
      let body: unknown = undefined;
      if (found.kind) {
        body = parseJson(request.body);
        if (!isObject(body))
          return { ...problem(400, request.path, "Bad request", "The request body is not JSON"), operation };
        const refused = contract(found.kind, request.path, body);
        if (refused) return { ...refused, operation };
      }
      pickupRefused = fault === "pickupNotAvailable";
      try {
        const reply = await found.run(account, body);
        return { ...reply, operation, ...(fault === "timeout" ? { hold: true } : {}) };
      } finally {
        pickupRefused = false;
      }
    },
    tooManyRequests() {
      return {
        ...problem(429, "/", "Too Many Requests", "Too many requests, retry later"),
        headers: { "Content-Type": "application/problem+json", "Retry-After": "1" },
      };
    },
    setTrackingScenario(trackingNumber, scenario) {
      const shipment = shipments.get(trackingNumber);
      if (!shipment) return false;
      shipment.exceptionAt = scenario === "exception" ? ctx.now() : null;
      return true;
    },
    snapshot() {
      const list = [...shipments.values()];
      return {
        shipments: list.map(({ waybillPdf: _pdf, ...shipment }) => ({
          ...shipment,
          createdAt: shipment.createdAt.toISOString(),
          exceptionAt: shipment.exceptionAt?.toISOString() ?? null,
        })),
        pickups: [...pickups.values()],
        documents: list.flatMap((s) => s.documents.map((doc) => ({ ...doc, trackingNumber: s.trackingNumber }))),
      };
    },
    reset() {
      shipments = new Map();
      pickups = new Map();
    },
  };
};
