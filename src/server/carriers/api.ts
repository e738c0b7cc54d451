// What the dashboard asks of a carrier's API, whatever the API looks like (docs/ARCHITECTURE.md,
// "Carriers"). One client per carrier account: UPS (ups/), FedEx (fedex/) and DHL Express (dhl/)
// implement it over their published REST APIs; in development and tests the same clients talk to
// the carrier emulators (src/emulator/carriers). Correios has no client: it stays on rate cards and
// the operator records the S10 code from the agency receipt.
import type { LabelFormat, TrackingStatus } from "@/domain/statuses";
import type { PickupOptions } from "@/domain/pickup-rules";

/** The carriers reached through an API (Correios is not one of them). */
export const API_CARRIERS = ["ups", "fedex", "dhl"] as const;
export type ApiCarrier = (typeof API_CARRIERS)[number];

export function isApiCarrier(value: unknown): value is ApiCarrier {
  return typeof value === "string" && (API_CARRIERS as readonly string[]).includes(value);
}

/**
 * A carrier account's secrets, decrypted only to build a client. UPS and FedEx: the OAuth client id
 * and secret of the developer app; DHL Express: the API key and secret (HTTP Basic). The account
 * number: UPS shipper number (6), FedEx account (9 digits), DHL account (≤ 12).
 */
export interface CarrierCredentials {
  clientId: string;
  clientSecret: string;
  accountNumber: string;
}

interface CarrierAccountConfig {
  id: string;
  carrier: ApiCarrier;
  environment: "test" | "production";
  credentials: CarrierCredentials;
}

/** Where a client sends its requests (the carrier's hosts, or the emulator's mount points). */
export interface CarrierEndpoints {
  /** UPS: https://wwwcie.ups.com (the client adds /security/v1/oauth/token and /api/…). */
  baseUrl: string;
  /** FedEx only: the document upload host (ETD). */
  documentUrl?: string;
}

export interface ClientOptions {
  account: CarrierAccountConfig;
  endpoints: CarrierEndpoints;
  /** Milliseconds before a request is abandoned (its outcome is then unknown). Default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Called with every request the client sends (tests check them against the carrier's contract). */
  onRequest?: (request: SentRequest) => void;
}

export interface SentRequest {
  carrier: ApiCarrier;
  /** The carrier operation, e.g. "ship", "rate", "pickupCreate", "track", "upload", "token". */
  operation: string;
  method: string;
  url: string;
  /** The JSON body as sent (multipart and form bodies as their parsed parts); undefined without one. */
  body: unknown;
}

export interface Party {
  name: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  /** ISO 3166-2 subdivision code without the country ("SP", "CA"), when the country has them. */
  state: string | null;
  postalCode: string | null;
  countryCode: string;
  phone: string | null;
  email: string | null;
}

export interface Commodity {
  description: string;
  hsCode: string;
  originCountry: string;
  quantity: number;
  /** Per unit, in the shipment's customs currency, as a decimal string ("129.90"). */
  unitValue: string;
  unitWeightKg: number;
  sku: string | null;
}

/**
 * One package. Dimensions are all three or none: every carrier API takes a package without them
 * (UPS Package.Dimensions, FedEx requestedPackageLineItems[].dimensions and DHL packages[].dimensions
 * are optional; weight is required) and then bills the weight it measures itself.
 */
export interface Parcel {
  weightKg: number;
  lengthCm: number | null;
  widthCm: number | null;
  heightCm: number | null;
}

/** Our shipment as every carrier needs it: built once (services/carrier-shipment.ts), mapped per carrier. */
export interface CarrierShipment {
  /** Our deterministic transaction reference (≤ 35 characters): sent with the purchase, found again by it. */
  reference: string;
  orderName: string;
  /** The carrier's service code (UPS "65", FedEx "FEDEX_INTERNATIONAL_PRIORITY", DHL "P"). */
  serviceCode: string;
  /** São Paulo local date the parcel is handed over, "YYYY-MM-DD". */
  shipDate: string;
  shipper: Party & { company: string; taxId: string };
  recipient: Party;
  parcels: Parcel[];
  currency: string;
  /** Total customs value in `currency`, decimal string. */
  declaredValue: string;
  items: Commodity[];
  invoice: { number: string; date: string };
  /** Incoterm as chosen (DAP, DDU, DDP). */
  incoterm: string;
  /** Our reason code: sale, gift, sample, return, repair, personal_use. */
  exportReason: string;
  /** The 44-digit NF-e access key, when the shipment has one. */
  nfeKey: string | null;
}

export interface RateRequest {
  shipDate: string;
  shipper: Pick<Party, "city" | "state" | "postalCode" | "countryCode">;
  recipient: Pick<Party, "city" | "state" | "postalCode" | "countryCode">;
  parcels: Parcel[];
  currency: string;
  declaredValue: string;
}

export interface LiveRate {
  serviceCode: string;
  /** The service as we name it (the rate cards' names: "Worldwide Saver", "International Priority"). */
  serviceName: string;
  price: string;
  currency: string;
  transitDays: number | null;
  /** "YYYY-MM-DD" when the carrier estimates one. */
  estimatedDelivery: string | null;
}

export interface IssuedLabel {
  format: LabelFormat;
  /** The carrier's label as issued: a PDF, or ZPL text as bytes. UPS's GIF labels arrive wrapped in a 4×6 PDF page. */
  bytes: Uint8Array;
}

export interface PurchasedShipment {
  /** The number the parcel is tracked by (UPS 1Z, FedEx 12 digits, DHL 10-digit AWB). */
  trackingNumber: string;
  /** What void and lookups need besides the tracking number (UPS shipment id, DHL AWB); often the same. */
  carrierShipmentId: string;
  label: IssuedLabel;
  /** The carrier's own charges for it, when its answer includes them. */
  charges: { amount: string; currency: string } | null;
}

/** What a lookup by our reference finds at the carrier: a shipment bought under it, with its label when the carrier can re-issue it. */
export interface FoundShipment {
  trackingNumber: string;
  carrierShipmentId: string;
  /** Null when the carrier cannot re-issue a label (FedEx): the service voids it and buys anew. */
  label: IssuedLabel | null;
}

export interface PickupAvailabilityRequest {
  date: string;
  address: PickupAddress;
  serviceCode: string | null;
}

export interface PickupAvailability extends PickupOptions {
  /** False when the carrier does not collect at the address on that date. */
  available: boolean;
}

export interface PickupAddress {
  company: string;
  contact: string;
  line: string;
  city: string;
  state: string;
  postalCode: string;
  countryCode: string;
  phone: string;
}

export interface PickupBookingRequest {
  /** São Paulo local "YYYY-MM-DD" and "HH:MM". */
  date: string;
  readyTime: string;
  closeTime: string;
  packages: number;
  totalWeightKg: number;
  address: PickupAddress;
  /** Destination countries and services of what is collected (UPS PickupPiece, DHL shipmentDetails). */
  pieces: { serviceCode: string; destinationCountry: string; quantity: number }[];
  trackingNumbers: string[];
  /** Our deterministic reference of the booking, sent where the API takes one. */
  reference: string;
}

export interface BookedPickup {
  confirmationNumber: string;
  /** FedEx Express: the location code needed to cancel. */
  location: string | null;
}

export interface TrackingEvent {
  /** ISO 8601 with offset. */
  occurredAt: string;
  status: TrackingStatus;
  /** The carrier's own event code (UPS "I", FedEx "PU", DHL "PU"). */
  code: string;
  description: string;
  location: string | null;
}

export type TrackingResult =
  | {
      trackingNumber: string;
      found: true;
      status: TrackingStatus;
      events: TrackingEvent[];
      estimatedDelivery: string | null;
    }
  | { trackingNumber: string; found: false };

/** How fast a client may call its carrier (the bulk and tracking jobs pace themselves by it). */
export interface CarrierLimits {
  requestsPerSecond: number;
  /** Tracking numbers per tracking request (UPS 1, FedEx 30, DHL 200). */
  trackBatchSize: number;
}

export interface CarrierClient {
  readonly carrier: ApiCarrier;
  readonly limits: CarrierLimits;
  /** Proves the credentials and account work (a token and a light authenticated call). */
  testConnection(): Promise<void>;
  rates(request: RateRequest): Promise<LiveRate[]>;
  /**
   * Uploads our commercial invoice PDF to the carrier's electronic trade documents service before
   * the shipment is created; resolves with the document id to attach to it.
   */
  uploadInvoice(shipment: CarrierShipment, pdf: Uint8Array): Promise<string>;
  /** Buys the label. `paperlessDocumentId` attaches an uploaded invoice; null prints it with the label. */
  createShipment(
    shipment: CarrierShipment,
    options: { labelFormat: LabelFormat; paperlessDocumentId: string | null },
  ): Promise<PurchasedShipment>;
  /** The shipments the carrier holds under our reference (normally none or one). */
  findShipments(reference: string, shipDate: string, labelFormat: LabelFormat): Promise<FoundShipment[]>;
  voidShipment(shipment: { trackingNumber: string; carrierShipmentId: string; shipDate: string }): Promise<void>;
  pickupAvailability(request: PickupAvailabilityRequest): Promise<PickupAvailability>;
  schedulePickup(booking: PickupBookingRequest): Promise<BookedPickup>;
  cancelPickup(pickup: {
    confirmationNumber: string;
    date: string;
    location: string | null;
    address: PickupAddress;
  }): Promise<void>;
  track(trackingNumbers: string[]): Promise<TrackingResult[]>;
}

/**
 * Why a carrier call failed, as an i18n key under "carriers.errors". `outcomeUnknown` means the
 * request may have been carried out (a timeout or a 5xx after sending a purchase): reconcile before
 * retrying. `carrierMessage` is the carrier's own text (shown to operators, never logged with values).
 */
export type CarrierErrorCode =
  | "unauthorized"
  | "forbidden"
  | "rateLimited"
  | "unavailable"
  | "outcomeUnknown"
  | "invalidRequest"
  | "invalidPostalCode"
  | "pickupNotAvailable"
  | "pickupNotFound"
  | "unknownShipment"
  | "alreadyVoided"
  | "voidWindowPassed"
  | "inTransit"
  | "paperlessNotEnabled";

export class CarrierApiError extends Error {
  constructor(
    readonly code: CarrierErrorCode,
    readonly carrier: ApiCarrier,
    /** The carrier's own error code and text, e.g. "120207: Missing/Invalid ShipTo PostalCode". */
    readonly carrierMessage: string | null,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(`${carrier} ${code}${carrierMessage ? `: ${carrierMessage}` : ""}`, options);
    this.name = "CarrierApiError";
    this.retryAfterMs = options?.retryAfterMs ?? null;
  }
  readonly retryAfterMs: number | null;
  /** Worth trying again later as it is (after reconciling, for a purchase). */
  get retryable(): boolean {
    return this.code === "rateLimited" || this.code === "unavailable" || this.code === "outcomeUnknown";
  }
}
