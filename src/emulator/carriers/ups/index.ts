// The UPS module of the carrier emulator: OAuth client credentials, Rating, Shipping (ship, void,
// label recovery), Paperless upload, Pickup (rate, create, cancel, pending) and Tracking (by number
// and by reference), at UPS's real paths and in UPS's shapes (CARRIERS.md "UPS"). Request bodies are
// validated against UPS's own schemas (contract.ts). Error codes UPS does not publish are our choice
// and named in docs/carriers/ups.md.
import { randomBytes } from "node:crypto";
import { serviceName } from "@/domain/carrier-services";
import { generateTrackingNumber } from "@/domain/tracking";
import type {
  CarrierContext,
  CarrierModule,
  CarrierModuleFactory,
  EmulatorAccount,
  EmulatorReply,
  EmulatorRequest,
} from "../context";
import { compileUpsContract, hasUpsContract, upsContractProblems, upsTokenProblems } from "./contract";
import { gifLabel, zplLabel, type LabelData } from "./label";
import { createPickupDesk } from "./pickups";
import { LOCAL_OFFSET_MS, addBusinessDays, cap, error, list, localParts, obj, str, success, type Json } from "./shared";
import { timeline, type Scenario } from "./tracking";

/** 4 hours, as UPS issues them (CARRIERS.md §1, secondary: UPS's SDK README); a string, like UPS. */
const TOKEN_SECONDS = 14_399;
const MAX_SHIPMENTS = 100_000;
const MAX_DOCUMENTS = 20_000;
const MAX_TOKENS = 10_000;
/** Paperless: 1 MB per file in CIE (CARRIERS.md §3); the emulator stands for CIE. */
const MAX_DOCUMENT_BYTES = 1024 * 1024;

interface Shipment {
  shipmentId: string;
  accountNumber: string;
  trackingNumbers: string[];
  references: string[];
  serviceCode: string;
  shipDate: string;
  createdAt: number;
  voided: boolean;
  scenario: Scenario;
  documentIds: string[];
  labels: LabelData[];
  charges: string;
  currency: string;
}

interface Document {
  id: string;
  accountNumber: string;
  fileName: string;
  bytes: number;
  uploadedAt: string;
}

/** Per-service prices of the emulator (BRL): a base and a rate per started kilogram. */
const PRICES: Record<string, { base: number; perKg: number; days: number }> = {
  "07": { base: 310, perKg: 92, days: 2 },
  "08": { base: 190, perKg: 61, days: 5 },
  "11": { base: 150, perKg: 45, days: 7 },
  "54": { base: 420, perKg: 110, days: 1 },
  "65": { base: 260, perKg: 80, days: 3 },
  // Express Freight: answered like UPS does, and skipped by a client that does not list it.
  "96": { base: 900, perKg: 30, days: 3 },
};

function price(serviceCode: string, weightKg: number): string {
  const p = PRICES[serviceCode] ?? PRICES["65"];
  return (p.base + p.perKg * Math.ceil(weightKg)).toFixed(2);
}

export const createUpsModule: CarrierModuleFactory = (ctx: CarrierContext): CarrierModule => {
  compileUpsContract();
  let tokens = new Map<string, { account: EmulatorAccount; expiresAt: number }>();
  let shipments = new Map<string, Shipment>();
  let byTracking = new Map<string, string>();
  const pickups = createPickupDesk(ctx);
  let documents = new Map<string, Document>();

  function token(request: EmulatorRequest): EmulatorReply {
    const basic = /^Basic (.+)$/.exec(str(request.headers.authorization));
    const [clientId, ...secret] = basic ? Buffer.from(basic[1], "base64").toString("utf8").split(":") : [];
    const account = ctx.accounts("ups").find((a) => a.clientId === clientId && a.clientSecret === secret.join(":"));
    if (!account) return error(401, "10401", "ClientId is Invalid");
    const merchant = str(request.headers["x-merchant-id"]);
    if (merchant && merchant !== account.accountNumber) return error(403, "10403", "Blocked Merchant");
    const form = Object.fromEntries(new URLSearchParams(request.body.toString("utf8")));
    const problems = upsTokenProblems(form);
    if (problems.length) return error(400, "10400", `Invalid grant_type: ${problems.join("; ")}`);
    const value = randomBytes(24).toString("base64url");
    const issuedAt = ctx.now().getTime();
    tokens.set(value, { account, expiresAt: issuedAt + TOKEN_SECONDS * 1000 });
    cap(tokens, MAX_TOKENS);
    return {
      status: 200,
      body: {
        token_type: "Bearer",
        issued_at: String(issuedAt),
        client_id: account.clientId,
        access_token: value,
        scope: "",
        expires_in: String(TOKEN_SECONDS),
        refresh_count: "0",
        status: "approved",
      },
    };
  }

  function authenticate(request: EmulatorRequest): EmulatorAccount | null {
    const bearer = /^Bearer (.+)$/.exec(str(request.headers.authorization));
    const entry = bearer && tokens.get(bearer[1]);
    if (!entry || entry.expiresAt <= ctx.now().getTime()) return null;
    return entry.account;
  }

  function route(method: string, path: string): { operation: string; params: string[] } {
    const routes: [string, RegExp, string][] = [
      ["POST", /^\/api\/rating\/v2409\/(Rate|Shop|Ratetimeintransit|Shoptimeintransit)$/, "rate"],
      ["POST", /^\/api\/shipments\/v2409\/ship$/, "ship"],
      ["DELETE", /^\/api\/shipments\/v2409\/void\/cancel\/([^/]+)$/, "void"],
      ["POST", /^\/api\/labels\/v1\/recovery$/, "label"],
      ["GET", /^\/api\/track\/v1\/details\/([^/]+)$/, "track"],
      ["GET", /^\/api\/track\/v1\/reference\/details\/([^/]+)$/, "lookup"],
      ["POST", /^\/api\/shipments\/v2409\/pickup\/(oncall|smart|both)$/, "pickupAvailability"],
      ["GET", /^\/api\/shipments\/v2409\/pickup\/(oncall|smart|both)$/, "pickupPending"],
      ["POST", /^\/api\/pickupcreation\/v2409\/pickup$/, "pickupCreate"],
      ["DELETE", /^\/api\/shipments\/v2409\/pickup\/(01|02)$/, "pickupCancel"],
      ["POST", /^\/api\/paperlessdocuments\/v2\/upload$/, "upload"],
    ];
    for (const [m, pattern, operation] of routes) {
      const match = pattern.exec(path);
      if (match && m === method) return { operation, params: match.slice(1).map(decodeURIComponent) };
    }
    return { operation: "unknown", params: [] };
  }

  function rate(body: Json, account: EmulatorAccount): EmulatorReply {
    const shipment = obj(obj(body.RateRequest).Shipment);
    const refused = checkShipTo(obj(obj(shipment.ShipTo).Address));
    if (refused) return refused;
    const weight = list(shipment.Package).reduce<number>(
      (sum, p) => sum + Number(str(obj(obj(p).PackageWeight).Weight)),
      0,
    );
    const pickupDate = str(obj(obj(shipment.DeliveryTimeInformation).Pickup).Date);
    const start = /^\d{8}$/.test(pickupDate)
      ? new Date(`${pickupDate.slice(0, 4)}-${pickupDate.slice(4, 6)}-${pickupDate.slice(6, 8)}T12:00:00Z`)
      : ctx.now();
    const payer = str(obj(obj(list(obj(shipment.PaymentDetails).ShipmentCharge)[0]).BillShipper).AccountNumber);
    if (payer && payer !== account.accountNumber)
      return error(400, "111100", "The shipper number is invalid for this account");
    const codes = str(obj(shipment.Service).Code)
      ? [str(obj(shipment.Service).Code).replace(/^0(\d\d)$/, "$1")]
      : Object.keys(PRICES);
    return {
      status: 200,
      body: {
        RateResponse: {
          Response: success,
          RatedShipment: codes.map((code) => ({
            Service: { Code: code },
            BillingWeight: { UnitOfMeasurement: { Code: "KGS" }, Weight: weight.toFixed(1) },
            TotalCharges: { CurrencyCode: "BRL", MonetaryValue: price(code, weight) },
            TimeInTransit: {
              ServiceSummary: {
                EstimatedArrival: {
                  BusinessDaysInTransit: String(PRICES[code]?.days ?? 3),
                  Arrival: { Date: addBusinessDays(start, PRICES[code]?.days ?? 3), Time: "230000" },
                },
              },
            },
          })),
        },
      },
    };
  }

  /** US ZIP codes are 5 or 9 digits; "00000" stands for an address UPS cannot find. */
  function checkShipTo(address: Json): EmulatorReply | null {
    const postal = str(address.PostalCode);
    if (str(address.CountryCode) === "US" && (!/^\d{5}(\d{4})?$/.test(postal) || postal.startsWith("00000"))) {
      return error(400, "120207", "Missing/Invalid ShipTo PostalCode");
    }
    return null;
  }

  function ship(body: Json, account: EmulatorAccount): EmulatorReply {
    const request = obj(body.ShipmentRequest);
    const shipment = obj(request.Shipment);
    const shipper = obj(shipment.Shipper);
    if (str(shipper.ShipperNumber) !== account.accountNumber) {
      return error(400, "120100", "Missing or invalid shipper number");
    }
    const shipTo = obj(shipment.ShipTo);
    const refused = checkShipTo(obj(shipTo.Address));
    if (refused) return refused;
    const forms = obj(obj(shipment.ShipmentServiceOptions).InternationalForms);
    const documentIds = list(obj(forms.UserCreatedForm).DocumentID).map(str);
    for (const id of documentIds) {
      const document = documents.get(id);
      if (!document || document.accountNumber !== account.accountNumber) {
        return error(400, "9590022", `The document ${id.slice(0, 40)} was not found`);
      }
    }
    if (documentIds.length && !list(forms.FormType).includes("07")) {
      return error(400, "9590023", "UserCreatedForm needs FormType 07");
    }
    const serviceCode = str(obj(shipment.Service).Code);
    const format = str(obj(obj(request.LabelSpecification).LabelImageFormat).Code);
    if (format !== "GIF" && format !== "ZPL")
      return error(400, "120529", "Invalid label image format for this emulator");
    const packages = list(shipment.Package).map(obj);
    const trackingNumbers = packages.map(() =>
      generateTrackingNumber("ups", ctx.next("ups:tracking") % 10_000_000, {
        upsShipper: account.accountNumber,
        upsService: /^\d{2}$/.test(serviceCode) ? serviceCode : "65",
      }),
    );
    const address = obj(shipTo.Address);
    const shipperAddress = obj(shipper.Address);
    const labels: LabelData[] = packages.map((pkg, i) => ({
      trackingNumber: trackingNumbers[i],
      serviceName: serviceName("ups", serviceCode) ?? `Service ${serviceCode}`,
      shipper: {
        name: str(shipper.Name),
        city: str(shipperAddress.City),
        countryCode: str(shipperAddress.CountryCode),
      },
      recipient: {
        name: str(shipTo.Name),
        addressLines: list(address.AddressLine).map(str),
        city: str(address.City),
        postalCode: str(address.PostalCode),
        countryCode: str(address.CountryCode),
      },
      weightKg: str(obj(pkg.PackageWeight).Weight),
      packageIndex: i + 1,
      packageCount: packages.length,
    }));
    const weight = packages.reduce((sum, pkg) => sum + Number(str(obj(pkg.PackageWeight).Weight)), 0);
    const record: Shipment = {
      shipmentId: trackingNumbers[0],
      accountNumber: account.accountNumber,
      trackingNumbers,
      references: list(shipment.ReferenceNumber).map((r) => str(obj(r).Value)),
      serviceCode,
      shipDate: str(shipment.ShipmentDate) || localParts(ctx.now()).date,
      createdAt: ctx.now().getTime(),
      voided: false,
      scenario: "normal",
      documentIds,
      labels,
      charges: price(serviceCode, weight),
      currency: "BRL",
    };
    shipments.set(record.shipmentId, record);
    for (const number of trackingNumbers) byTracking.set(number, record.shipmentId);
    while (shipments.size > MAX_SHIPMENTS) {
      const oldest = shipments.values().next().value as Shipment;
      shipments.delete(oldest.shipmentId);
      for (const number of oldest.trackingNumbers) byTracking.delete(number);
    }
    return {
      status: 200,
      body: {
        ShipmentResponse: {
          Response: success,
          ShipmentResults: {
            ShipmentCharges: { TotalCharges: { CurrencyCode: record.currency, MonetaryValue: record.charges } },
            BillingWeight: { UnitOfMeasurement: { Code: "KGS" }, Weight: weight.toFixed(1) },
            ShipmentIdentificationNumber: record.shipmentId,
            PackageResults: labels.map((label) => ({
              TrackingNumber: label.trackingNumber,
              ShippingLabel: { ImageFormat: { Code: format }, GraphicImage: renderLabel(label, format) },
            })),
          },
        },
      },
    };
  }

  const renderLabel = (label: LabelData, format: string) =>
    (format === "ZPL" ? Buffer.from(zplLabel(label), "utf8") : gifLabel(label)).toString("base64");

  function voidShipment(id: string, account: EmulatorAccount): EmulatorReply {
    const shipment = shipments.get(id);
    if (!shipment || shipment.accountNumber !== account.accountNumber) return error(400, "190100", "No shipment found");
    if (shipment.voided) return error(400, "190117", "The shipment has already been voided");
    if (timeline(shipment.createdAt, ctx.now().getTime(), shipment.scenario).some((e) => e.type !== "M")) {
      return error(400, "190118", "The shipment is in transit and cannot be voided");
    }
    shipment.voided = true;
    return {
      status: 200,
      body: {
        VoidShipmentResponse: {
          Response: success,
          SummaryResult: { Status: { Code: "1", Description: "Voided" } },
          PackageLevelResult: shipment.trackingNumbers.map((n) => ({
            TrackingNumber: n,
            Status: { Code: "1", Description: "Voided" },
          })),
        },
      },
    };
  }

  function recoverLabel(body: Json, account: EmulatorAccount): EmulatorReply {
    const request = obj(body.LabelRecoveryRequest);
    const number = str(request.TrackingNumber);
    const shipment = shipments.get(byTracking.get(number) ?? "");
    if (!shipment || shipment.voided || shipment.accountNumber !== account.accountNumber) {
      return error(400, "190100", "No shipment found");
    }
    const format = str(obj(obj(request.LabelSpecification).LabelImageFormat).Code) || "GIF";
    if (format !== "GIF" && format !== "ZPL")
      return error(400, "120529", "Invalid label image format for this emulator");
    return {
      status: 200,
      body: {
        LabelRecoveryResponse: {
          Response: success,
          ShipmentIdentificationNumber: shipment.shipmentId,
          LabelResults: shipment.labels.map((label) => ({
            TrackingNumber: label.trackingNumber,
            LabelImage: { LabelImageFormat: { Code: format }, GraphicImage: renderLabel(label, format) },
          })),
        },
      },
    };
  }

  function trackPackage(shipment: Shipment, number: string) {
    const events = timeline(shipment.createdAt, ctx.now().getTime(), shipment.scenario);
    const activity = events
      .slice()
      .reverse()
      .map((event) => {
        const local = new Date(event.at + LOCAL_OFFSET_MS).toISOString();
        return {
          location: { address: { city: event.city, countryCode: event.country, country: event.country } },
          status: { type: event.type, code: event.code, description: event.description, statusCode: event.statusCode },
          date: local.slice(0, 10).replaceAll("-", ""),
          time: local.slice(11, 19).replaceAll(":", ""),
          gmtDate: new Date(event.at).toISOString().slice(0, 10).replaceAll("-", ""),
          gmtTime: new Date(event.at).toISOString().slice(11, 19),
          gmtOffset: "-03:00",
        };
      });
    const days = PRICES[shipment.serviceCode]?.days ?? 3;
    return {
      trackingNumber: number,
      currentStatus: activity[0]
        ? { ...activity[0].status, simplifiedTextDescription: activity[0].status.description }
        : undefined,
      activity,
      deliveryDate: [{ type: "SDD", date: addBusinessDays(new Date(shipment.createdAt), days) }],
    };
  }

  function track(number: string, account: EmulatorAccount): EmulatorReply {
    const shipment = shipments.get(byTracking.get(number) ?? "");
    if (!shipment || shipment.accountNumber !== account.accountNumber) {
      return error(404, "TW0001", "Tracking Information Not Found");
    }
    return {
      status: 200,
      body: { trackResponse: { shipment: [{ inquiryNumber: number, package: [trackPackage(shipment, number)] }] } },
    };
  }

  function lookup(reference: string, query: URLSearchParams, account: EmulatorAccount): EmulatorReply {
    const shipperNum = query.get("shipperNum");
    if (shipperNum && shipperNum !== account.accountNumber) return error(400, "TW0002", "Invalid shipper number");
    const from = query.get("fromPickUpDate") ?? "00000000";
    const to = query.get("toPickUpDate") ?? "99999999";
    const found = [...shipments.values()].filter(
      (s) =>
        s.accountNumber === account.accountNumber &&
        !s.voided &&
        s.references.includes(reference) &&
        s.shipDate >= from &&
        s.shipDate <= to,
    );
    if (!found.length) return error(404, "TW0001", "Tracking Information Not Found");
    return {
      status: 200,
      body: {
        trackResponse: {
          shipment: found.map((s) => ({
            inquiryNumber: reference,
            package: s.trackingNumbers.map((n) => ({
              trackingNumber: n,
              referenceNumber: [{ type: "SHIPMENT", number: reference }],
            })),
          })),
        },
      },
    };
  }

  function upload(request: EmulatorRequest, body: Json, account: EmulatorAccount): EmulatorReply {
    const upload = obj(body.UploadRequest);
    if (
      str(request.headers.shippernumber) !== account.accountNumber ||
      str(upload.ShipperNumber) !== account.accountNumber
    ) {
      return error(400, "9590001", "Invalid shipper number");
    }
    const ids: string[] = [];
    for (const raw of list(upload.UserCreatedForm)) {
      const form = obj(raw);
      const bytes = Buffer.from(str(form.UserCreatedFormFile), "base64");
      if (bytes.length > MAX_DOCUMENT_BYTES) return error(400, "9590020", "The file exceeds the maximum size");
      if (
        str(form.UserCreatedFormFileFormat).toLowerCase() === "pdf" &&
        bytes.subarray(0, 5).toString("latin1") !== "%PDF-"
      ) {
        return error(400, "9590019", "The file is not a valid pdf");
      }
      // UPS's document ids are timestamps with microseconds ("2013-12-04-00.15.33.207814").
      const stamp = ctx.now().toISOString();
      const id = `${stamp.slice(0, 10)}-${stamp.slice(11, 19).replaceAll(":", ".")}.${String(ctx.next("ups:document") % 1_000_000).padStart(6, "0")}`;
      documents.set(id, {
        id,
        accountNumber: account.accountNumber,
        fileName: str(form.UserCreatedFormFileName),
        bytes: bytes.length,
        uploadedAt: stamp,
      });
      cap(documents, MAX_DOCUMENTS);
      ids.push(id);
    }
    return {
      status: 200,
      body: { UploadResponse: { Response: success, FormsHistoryDocumentID: { DocumentID: ids } } },
    };
  }

  function fault(kind: string, operation: string, reply: () => EmulatorReply): EmulatorReply {
    switch (kind) {
      case "serverError":
        return error(500, "10500", "General system failure");
      case "rateLimit":
        return { ...error(429, "10429", "Too Many Requests"), headers: { "Retry-After": "2" } };
      case "unauthorized":
        return error(401, "250002", "Invalid Authentication Information.");
      case "pickupNotAvailable":
        return error(400, "9560131", "Invalid pickup date");
      case "invalidPostalCode":
        return error(400, "120207", "Missing/Invalid ShipTo PostalCode");
      case "timeout":
        return { ...reply(), hold: true };
      default:
        throw new Error(`Unknown fault ${kind} on ${operation}`);
    }
  }

  async function handle(request: EmulatorRequest): Promise<EmulatorReply & { operation: string }> {
    if (request.method === "POST" && request.path === "/security/v1/oauth/token") {
      const reply = token(request);
      if (reply.status !== 200) return { ...reply, operation: "token" };
      const kind = ctx.takeFault("ups", "token");
      return { ...(kind ? fault(kind, "token", () => reply) : reply), operation: "token" };
    }
    const { operation, params } = route(request.method, request.path);
    if (operation === "unknown") return { ...error(404, "404", "Resource not found"), operation };
    const account = authenticate(request);
    if (!account) return { ...error(401, "250002", "Invalid Authentication Information."), operation };
    let body: Json = {};
    if (hasUpsContract(operation)) {
      try {
        body = obj(JSON.parse(request.body.toString("utf8")));
      } catch {
        return { ...error(400, "10001", "The request is not well formed"), operation };
      }
      const problems = upsContractProblems(operation, body);
      if (problems.length) {
        return {
          ...error(400, "10002", `The request is well formed but not valid: ${problems.slice(0, 5).join("; ")}`),
          operation,
        };
      }
    }
    const work = (): EmulatorReply => {
      switch (operation) {
        case "rate":
          return rate(body, account);
        case "ship":
          return ship(body, account);
        case "void":
          return voidShipment(params[0], account);
        case "label":
          return recoverLabel(body, account);
        case "track":
          return track(params[0], account);
        case "lookup":
          return lookup(params[0], request.query, account);
        case "pickupAvailability":
          return pickups.rate(body);
        case "pickupPending":
          return pickups.pending(request, account);
        case "pickupCreate":
          return pickups.create(body, account);
        case "pickupCancel":
          return pickups.cancel(request, account, params[0]);
        default:
          return upload(request, body, account);
      }
    };
    const kind = ctx.takeFault("ups", operation);
    return { ...(kind ? fault(kind, operation, work) : work()), operation };
  }

  return {
    carrier: "ups",
    handle,
    tooManyRequests: () => ({ ...error(429, "10429", "Too Many Requests"), headers: { "Retry-After": "1" } }),
    setTrackingScenario(trackingNumber, scenario) {
      const shipment = shipments.get(byTracking.get(trackingNumber) ?? "");
      if (!shipment) return false;
      shipment.scenario = scenario === "exception" ? { exceptionAt: ctx.now().getTime() } : "normal";
      return true;
    },
    snapshot: () => ({
      shipments: [...shipments.values()].map(({ labels: _labels, ...s }) => ({
        ...s,
        createdAt: new Date(s.createdAt).toISOString(),
      })),
      pickups: pickups.snapshot(),
      documents: [...documents.values()],
    }),
    reset() {
      tokens = new Map();
      shipments = new Map();
      byTracking = new Map();
      pickups.reset();
      documents = new Map();
    },
  };
};
