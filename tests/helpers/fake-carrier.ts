// An in-memory CarrierClient for service tests that are not about one carrier's API (the carrier
// integration tests use the real clients against the emulators). It behaves like a carrier: it
// remembers what it sold under which reference, refuses a second void, and can be told to fail
// the next call of an operation — before carrying it out, or after (the answer is lost).
import type {
  ApiCarrier,
  CarrierClient,
  FoundShipment,
  LiveRate,
  PickupAvailability,
  PurchasedShipment,
  TrackingResult,
} from "@/server/carriers/api";
import { CarrierApiError, type CarrierErrorCode } from "@/server/carriers/api";
import type { CarrierDirectory } from "@/server/carriers/directory";
import crypto from "node:crypto";
import { encryptSecret } from "@/server/crypto";
import type { Db } from "@/server/db/client";
import { carrierAccounts } from "@/server/db/schema";
import { AppError } from "@/server/errors";

type Operation = keyof Omit<CarrierClient, "carrier" | "limits">;

export interface FakeCarrier extends CarrierClient {
  /** Shipments sold, by reference (a voided one stays, marked). */
  sold: Map<string, (PurchasedShipment & { voided: boolean })[]>;
  pickups: Map<string, { cancelled: boolean }>;
  calls: { operation: Operation; args: unknown[] }[];
  /** The next call of `operation` fails with `code`; `after: true` carries it out first (lost answer). */
  failNext(operation: Operation, code: CarrierErrorCode, options?: { after?: boolean }): void;
  /** What track() answers for a tracking number. */
  tracking: Map<string, TrackingResult>;
  /** What rates() answers (a test may replace it). */
  rateAnswer: LiveRate[];
  /** What pickupAvailability() answers (a test may replace it). */
  availability: PickupAvailability;
}

export function createFakeCarrier(carrier: ApiCarrier): FakeCarrier {
  let sequence = 0;
  const failures: { operation: Operation; code: CarrierErrorCode; after: boolean }[] = [];
  const take = (operation: Operation) => {
    const index = failures.findIndex((failure) => failure.operation === operation);
    return index < 0 ? null : failures.splice(index, 1)[0];
  };
  const fail = (code: CarrierErrorCode) => new CarrierApiError(code, carrier, `fake ${code}`);
  async function run<T>(operation: Operation, args: unknown[], work: () => T | Promise<T>): Promise<T> {
    fake.calls.push({ operation, args });
    const failure = take(operation);
    if (failure && !failure.after) throw fail(failure.code);
    const result = await work();
    if (failure) throw fail(failure.code);
    return result;
  }
  const label = (trackingNumber: string) => ({
    format: "pdf" as const,
    bytes: new TextEncoder().encode(`%PDF-fake ${trackingNumber}`),
  });

  const fake: FakeCarrier = {
    carrier,
    limits: { requestsPerSecond: 1000, trackBatchSize: 30 },
    sold: new Map(),
    pickups: new Map(),
    calls: [],
    tracking: new Map(),
    rateAnswer: [
      {
        serviceCode: "FAKE1",
        serviceName: "Fake Express",
        price: "123.45",
        currency: "BRL",
        transitDays: 3,
        estimatedDelivery: null,
      },
    ],
    availability: { available: true, cutoffTime: "18:00", minWindowMinutes: 60 },
    failNext(operation, code, options) {
      failures.push({ operation, code, after: options?.after ?? false });
    },
    testConnection: () => run("testConnection", [], () => undefined),
    rates: (request) => run("rates", [request], () => structuredClone(fake.rateAnswer)),
    uploadInvoice: (shipment, pdf) => run("uploadInvoice", [shipment, pdf.length], () => `DOC-${shipment.reference}`),
    createShipment: (shipment, options) =>
      run("createShipment", [shipment, options], () => {
        const trackingNumber = `FAKE${String(++sequence).padStart(8, "0")}`;
        const bought = {
          trackingNumber,
          carrierShipmentId: trackingNumber,
          label: { ...label(trackingNumber), format: options.labelFormat },
          charges: { amount: "99.00", currency: "BRL" },
          voided: false,
        };
        fake.sold.set(shipment.reference, [...(fake.sold.get(shipment.reference) ?? []), bought]);
        return bought;
      }),
    findShipments: (reference, shipDate, labelFormat) =>
      run("findShipments", [reference, shipDate, labelFormat], (): FoundShipment[] =>
        (fake.sold.get(reference) ?? [])
          .filter((shipment) => !shipment.voided)
          .map((shipment) => ({
            trackingNumber: shipment.trackingNumber,
            carrierShipmentId: shipment.carrierShipmentId,
            label: shipment.label,
          })),
      ),
    voidShipment: (shipment) =>
      run("voidShipment", [shipment], () => {
        const found = [...fake.sold.values()].flat().find((s) => s.trackingNumber === shipment.trackingNumber);
        if (!found) throw fail("unknownShipment");
        if (found.voided) throw fail("alreadyVoided");
        found.voided = true;
      }),
    pickupAvailability: (request) => run("pickupAvailability", [request], () => ({ ...fake.availability })),
    schedulePickup: (booking) =>
      run("schedulePickup", [booking], () => {
        const confirmationNumber = `PU${String(++sequence).padStart(6, "0")}`;
        fake.pickups.set(confirmationNumber, { cancelled: false });
        return { confirmationNumber, location: carrier === "fedex" ? "SAOA" : null };
      }),
    cancelPickup: (pickup) =>
      run("cancelPickup", [pickup], () => {
        const found = fake.pickups.get(pickup.confirmationNumber);
        if (!found || found.cancelled) throw fail("pickupNotFound");
        found.cancelled = true;
      }),
    track: (numbers) =>
      run("track", [numbers], () =>
        numbers.map((trackingNumber) => fake.tracking.get(trackingNumber) ?? { trackingNumber, found: false as const }),
      ),
  };
  return fake;
}

/**
 * A directory that gives every store the fake of its carrier (carriers not listed are refused as
 * having no account). Each fake gets a real carrier_accounts row, so columns that reference the
 * account (quotes, pickups, label purchases) hold a real id.
 */
export async function fakeDirectory(
  db: Db,
  fakes: Partial<Record<ApiCarrier, FakeCarrier>>,
): Promise<CarrierDirectory & { accountIds: Partial<Record<ApiCarrier, string>> }> {
  const accountIds: Partial<Record<ApiCarrier, string>> = {};
  for (const carrier of Object.keys(fakes) as ApiCarrier[]) {
    const id = crypto.randomUUID();
    const credentials = { clientId: "fake", clientSecret: "fake", accountNumber: "FAKE01" };
    await db.insert(carrierAccounts).values({
      id,
      carrier,
      name: `Fake ${carrier}`,
      environment: "test",
      credentials: encryptSecret(JSON.stringify(credentials), id),
      hint: "KE01",
    });
    accountIds[carrier] = id;
  }
  return {
    accountIds,
    async forStore(_storeId, carrier) {
      const client = fakes[carrier];
      if (!client) throw new AppError("carriers.errors.noAccount", undefined, { carrier });
      return { accountId: accountIds[carrier]!, client };
    },
    async forAccount(accountId) {
      const carrier = (Object.keys(accountIds) as ApiCarrier[]).find((c) => accountIds[c] === accountId);
      const client = carrier && fakes[carrier];
      if (!client) throw new AppError("errors.notFound");
      return client;
    },
  };
}
