// The whole data model (docs/ARCHITECTURE.md, "Data model"). drizzle-kit generates the SQL in
// drizzle/ from this file.
// No "server-only" import here: drizzle-kit and the CLI load it outside Next.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ExchangeRateUsed } from "../../domain/exchange-rates";
import type { ShipmentProblem } from "../../domain/shipment-problem";
import type { ShopifyLineItem, ShopifyMailingAddress, ShopifyOrderNode } from "../../domain/shopify-order";
import type { RateCard } from "../../domain/quotes";
import { LOCALES, ROLES } from "../../domain/roles";
import { SAVED_VIEW_TABLES } from "../../domain/saved-views";
import type { DraftCustomsItem, DraftParcel, DraftRecipient } from "../../domain/shipment-evaluation";
import type { ShipperProfile } from "../../domain/shipper-fields";
import {
  FULFILLMENT_STATES,
  LABEL_FORMATS,
  LABEL_PURCHASE_STATUSES,
  PICKUP_STATUSES,
  SHIPMENT_STATUSES,
  STORE_STATUSES,
  TRACKING_STATUSES,
} from "../../domain/statuses";
import { SYNC_ITEM_OUTCOMES, SYNC_RUN_STATUSES, SYNC_TRIGGERS, type SyncItemDetail } from "../../domain/sync";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

// postgres.js reads bytea as a Buffer, PGlite as a Uint8Array.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  // A plain Uint8Array view either way (some libraries, pdf.js among them, refuse a Buffer).
  fromDriver: (value) => {
    const bytes = value instanceof Uint8Array ? value : Buffer.from(value as string, "hex");
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
});

export const userRole = pgEnum("user_role", ROLES);
export const labelFormat = pgEnum("label_format", LABEL_FORMATS);
export const appLocale = pgEnum("app_locale", LOCALES);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("operator"),
    active: boolean("active").notNull().default(true),
    locale: appLocale("locale"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /**
     * Bumped when a password is set, the account is deactivated or reactivated: a session carries
     * the version it was issued with and is refused once it differs (revocation with JWT sessions).
     */
    sessionVersion: integer("session_version").notNull().default(1),
    /** The user's print preference: labels are bought and downloaded as PDF (4×6) or ZPL (thermal). */
    labelFormat: labelFormat("label_format").notNull().default("pdf"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`), index("users_created_at_idx").on(t.createdAt)],
);

export const savedViewTable = pgEnum("saved_view_table", SAVED_VIEW_TABLES);

// A user's named filter + sort of one table (the table's URL query, parsed by its spec on use);
// pinned views show as tabs above the table.
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tableKey: savedViewTable("table_key").notNull(),
    name: text("name").notNull(),
    query: text("query").notNull(),
    pinned: boolean("pinned").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("saved_views_user_table_name_key").on(t.userId, t.tableKey, sql`lower(${t.name})`)],
);

export type SavedView = typeof savedViews.$inferSelect;

// Failed sign-in attempts, counted per email + IP inside a sliding window. Kept in the
// database so every app instance behind a load balancer sees the same count.
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_failures_key_idx").on(t.key, t.failedAt)],
);

export const storeStatus = pgEnum("store_status", STORE_STATUSES);

export const stores = pgTable(
  "stores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shopDomain: text("shop_domain").notNull().unique(),
    name: text("name").notNull(),
    originCountry: text("origin_country").notNull().default("BR"),
    originState: text("origin_state"),
    currency: text("currency"),
    status: storeStatus("status").notNull().default("connected"),
    scopes: text("scopes"),
    plan: text("plan"),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    // The newest Shopify `updated_at` committed by a sync; the next run asks for newer orders.
    syncWatermark: timestamp("sync_watermark", { withTimezone: true }),
    throttleRestoreRate: integer("throttle_restore_rate"),
    throttleMaxAvailable: integer("throttle_max_available"),
    // The exporter printed on labels and commercial invoices (ShipperProfile): filled from the
    // shop's address on connect, completed by an admin on the Stores page.
    // Read through toShipperProfile: a row written before a field existed lacks it.
    shipper: jsonb("shipper").$type<Partial<ShipperProfile>>(),
    // Customs terms an admin chose for the store's shipments ("store default" on each shipment that
    // has none of its own). Null: every shipment must choose, or it stays a draft listing them.
    defaultIncoterm: text("default_incoterm"),
    defaultExportReason: text("default_export_reason"),
    // Shopify test orders (`test: true`): "skip" (never imported, counted) or "import" (marked Test,
    // never sent to a carrier).
    testOrders: text("test_orders").notNull().default("skip"),
    // Drafts put on hold in Shopify (fulfillmentOrderHold) until they are complete: on for every
    // store unless an admin turns it off (Stores › settings). services/fulfillment-holds.ts.
    fulfillmentHolds: boolean("fulfillment_holds").notNull().default(true),
    // The shop's primary language (shopLocales, read_locales scope): the hold notes' language.
    // Null until read with that scope (a store connected before it was asked for).
    locale: text("locale"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("stores_status_idx").on(t.status)],
);

// The full column set of @shopify/shopify-app-session-storage-drizzle 4.x (17 columns).
// Column names are the adapter's own camelCase names. accessToken and refreshToken hold
// AES-256-GCM ciphertext (see server/shopify, issue 4).
export const shopifySessions = pgTable(
  "shopify_sessions",
  {
    id: text("id").primaryKey(),
    shop: text("shop").notNull(),
    state: text("state").notNull(),
    isOnline: boolean("isOnline").default(false).notNull(),
    scope: text("scope"),
    expires: timestamp("expires", { mode: "date" }),
    accessToken: text("accessToken").notNull(),
    userId: bigint("userId", { mode: "number" }),
    firstName: text("firstName"),
    lastName: text("lastName"),
    email: text("email"),
    accountOwner: boolean("accountOwner"),
    locale: text("locale"),
    collaborator: boolean("collaborator"),
    emailVerified: boolean("emailVerified"),
    refreshToken: text("refreshToken"),
    refreshTokenExpires: timestamp("refreshTokenExpires", { mode: "date" }),
  },
  (t) => [index("shopify_sessions_shop_idx").on(t.shop)],
);

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    shopifyGid: text("shopify_gid").notNull(),
    name: text("name").notNull(),
    shopifyCreatedAt: timestamp("shopify_created_at", { withTimezone: true }).notNull(),
    shopifyUpdatedAt: timestamp("shopify_updated_at", { withTimezone: true }).notNull(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    financialStatus: text("financial_status"),
    fulfillmentStatus: text("fulfillment_status"),
    currency: text("currency").notNull(),
    totalPrice: numeric("total_price", { precision: 14, scale: 2 }).notNull(),
    customerName: text("customer_name"),
    customerEmail: text("customer_email"),
    shippingAddress: jsonb("shipping_address").$type<ShopifyMailingAddress>(),
    shippingCountry: text("shipping_country"),
    lines: jsonb("lines")
      .$type<ShopifyLineItem[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    shippingLineTitle: text("shipping_line_title"),
    shippingLineCode: text("shipping_line_code"),
    raw: jsonb("raw").$type<ShopifyOrderNode>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_store_gid_key").on(t.storeId, t.shopifyGid),
    index("orders_store_name_idx").on(t.storeId, t.name),
    index("orders_store_updated_idx").on(t.storeId, t.shopifyUpdatedAt),
    index("orders_customer_name_idx").on(t.customerName),
    // Shipment Management's "Order" sort, and the overview's chart of the last 14 days by order date.
    index("orders_name_idx").on(t.name),
    index("orders_shopify_created_idx").on(t.shopifyCreatedAt),
  ],
);

export const shipmentStatus = pgEnum("shipment_status", SHIPMENT_STATUSES);

export const pickupStatus = pgEnum("pickup_status", PICKUP_STATUSES);
export const trackingStatus = pgEnum("tracking_status", TRACKING_STATUSES);
export const fulfillmentState = pgEnum("fulfillment_state", FULFILLMENT_STATES);

// A carrier pickup booked for one or more shipments of a store. Date and times are São Paulo local.
export const pickups = pgTable(
  "pickups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    carrier: text("carrier").notNull(),
    pickupDate: date("pickup_date").notNull(),
    readyTime: text("ready_time").notNull(),
    closeTime: text("close_time").notNull(),
    status: pickupStatus("status").notNull().default("scheduled"),
    confirmationNumber: text("confirmation_number").notNull(),
    /** The carrier account that booked it (cancel goes through the same account). */
    carrierAccountId: uuid("carrier_account_id").references(() => carrierAccounts.id, { onDelete: "set null" }),
    /** FedEx Express: the location code its create answer returns, needed to cancel. */
    carrierLocation: text("carrier_location"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("pickups_date_status_idx").on(t.pickupDate, t.status), index("pickups_store_idx").on(t.storeId)],
);

export const shipments = pgTable(
  "shipments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .unique()
      .references(() => orders.id, { onDelete: "cascade" }),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    status: shipmentStatus("status").notNull().default("draft"),
    carrier: text("carrier"),
    service: text("service"),
    missingFields: text("missing_fields")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    nfeKey: text("nfe_key"),
    invoiceNumber: text("invoice_number"),
    invoiceSeries: text("invoice_series"),
    invoiceDate: date("invoice_date"),
    declaredValue: numeric("declared_value", { precision: 14, scale: 2 }),
    currency: text("currency"),
    incoterm: text("incoterm"),
    exportReason: text("export_reason"),
    parcels: jsonb("parcels")
      .$type<DraftParcel[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    customsItems: jsonb("customs_items")
      .$type<DraftCustomsItem[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    recipient: jsonb("recipient").$type<DraftRecipient>(),
    destinationCountry: text("destination_country"),
    // Fields an operator has set by hand; a re-sync never overwrites them.
    operatorEdited: text("operator_edited")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    chosenQuoteId: uuid("chosen_quote_id"),
    trackingNumber: text("tracking_number"),
    /** The carrier's own id of the shipment when it differs from the tracking number (UPS 1Z of the shipment, DHL AWB). */
    carrierShipmentId: text("carrier_shipment_id"),
    // Tracking as the carrier reports it (null until the first poll after the label). The poller
    // claims a shipment by setting tracking_lease_until, like a sync run's lease.
    trackingStatus: trackingStatus("tracking_status"),
    trackingCheckedAt: timestamp("tracking_checked_at", { withTimezone: true }),
    trackingNextCheckAt: timestamp("tracking_next_check_at", { withTimezone: true }),
    trackingLeaseUntil: timestamp("tracking_lease_until", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    pickupId: uuid("pickup_id").references(() => pickups.id, { onDelete: "set null" }),
    // The scheduled pickup's date, copied here so Shipment Management filters and sorts by it on
    // an index (a join to pickups costs ~0.4 s at a million shipments). Null when none is scheduled.
    pickupDate: date("pickup_date"),
    // Set once the label and invoice are issued; from then on the shipment's data is frozen.
    documentsGeneratedAt: timestamp("documents_generated_at", { withTimezone: true }),
    // Tracking write-back to Shopify (fulfillmentCreate): pending until it succeeds or fails.
    fulfillmentState: fulfillmentState("fulfillment_state"),
    fulfillmentError: text("fulfillment_error"),
    shopifyFulfillmentId: text("shopify_fulfillment_id"),
    // Our fulfillment hold in Shopify while the shipment is a draft (services/fulfillment-holds.ts).
    // hold_due_at: when the hold must be brought in line — set by triggers (migration 0015) when the
    // shipment becomes or stops being a draft or what it misses changes, so no writer can forget it;
    // a claim pushes it ahead as a lease, a failure to the next retry. hold_notes: the notes of our
    // hold as Shopify has them (null: no hold of ours). hold_error: the last failure's reason.
    holdDueAt: timestamp("shopify_hold_due_at", { withTimezone: true }),
    holdNotes: text("shopify_hold_notes"),
    holdError: text("shopify_hold_error"),
    holdAttempts: integer("shopify_hold_attempts").notNull().default(0),
    // Problems found on the last evaluation (ShipmentProblem[]): what makes a draft a draft, with
    // the values a reason names (an invalid NF-e key's reason, the US$ conversion behind "required").
    problems: jsonb("problems")
      .$type<ShipmentProblem[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // The declared value in US cents and the PTAX rate it was converted with (ExchangeRateUsed),
    // or null when no rate applied (then the NF-e key is required, and `problems` says why).
    declaredValueUsdCents: bigint("declared_value_usd_cents", { mode: "number" }),
    exchangeRate: jsonb("exchange_rate").$type<ExchangeRateUsed>(),
    // A Shopify test order imported under the store's "import" setting: never sent to a carrier.
    isTest: boolean("is_test").notNull().default(false),
    // Cancelled in Shopify after the pickup was booked or the documents issued: flagged for an
    // operator (cancel the pickup, void the label), never applied silently.
    cancelledInShopifyAt: timestamp("cancelled_in_shopify_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    // What the search box matches, in one column on the shipment: the order number, the customer
    // name and the NF-e key, lower-cased and joined by U+001F (which a search never holds:
    // cleanTextParam turns control characters into spaces, so no match can span two of them). Kept by triggers
    // (migration 0008) on every insert and on a change of the order's name or customer, so no
    // writer can forget it. A search with a filter then reads only the shipments the filter keeps,
    // instead of every order (npm run bench:shipments, bench:drafts).
    searchText: text("search_text").notNull().default(""),
    // The order's creation instant (Shopify's createdAt, which never changes), copied by the same
    // trigger as search_text: the overview's chart counts shipments by the order's day, and the
    // tallies below must know that day even for a shipment whose order is being deleted.
    orderCreatedAt: timestamp("order_created_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("shipments_status_created_idx").on(t.status, t.createdAt),
    index("shipments_store_status_idx").on(t.storeId, t.status),
    // The sorts by carrier, destination and status (the id is every sort's tiebreaker), and those
    // filters' rows; their counts come from the tallies (npm run bench:shipments).
    index("shipments_carrier_id_idx").on(t.carrier, t.id),
    index("shipments_destination_id_idx").on(t.destinationCountry, t.id),
    index("shipments_status_id_idx").on(t.status, t.id),
    // A filter by status and carrier, answered from this index alone (index-only, no table reads):
    // its deep pages in creation order, and the count of a broad search (`q=a`, ~300,000 matches),
    // whose pattern the trigram index cannot narrow (npm run bench:shipments). search_text fits a
    // btree entry (at most ~2,700 bytes) because what it joins is bounded: order name and
    // customer 200 characters each (import-page.ts, ORDER_TEXT_MAX), NF-e key 80 (domain/bounds.ts)
    // — at most ~1,930 bytes in UTF-8. Raising those bounds must keep it under.
    index("shipments_status_carrier_created_idx").on(t.status, t.carrier, t.createdAt, t.id, t.searchText),
    // The search box's substring matches (pg_trgm), for a pattern of three characters or more.
    index("shipments_search_text_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    index("shipments_pickup_idx").on(t.pickupId),
    index("shipments_pickup_date_id_idx").on(t.pickupDate, t.id),
    // "Pickup scheduled, by pickup date": shipped shipments keep their (older) pickup dates, which a
    // walk of the date index alone would wade through first.
    index("shipments_status_pickup_date_idx").on(t.status, t.pickupDate, t.id),
    // Shipment Management's sorts without a status prefix (npm run bench:shipments).
    index("shipments_created_id_idx").on(t.createdAt, t.id),
    index("shipments_value_id_idx").on(t.declaredValue, t.id),
    // The few shipments cancelled in Shopify after their pickup or documents (overview, filter).
    index("shipments_cancelled_in_shopify_idx")
      .on(t.cancelledInShopifyAt)
      .where(sql`${t.cancelledInShopifyAt} is not null`),
    // The tracking poller's queue: labels not yet delivered, by when they are due.
    index("shipments_tracking_due_idx")
      .on(t.trackingNextCheckAt)
      .where(sql`${t.trackingNextCheckAt} is not null`),
    index("shipments_tracking_status_idx").on(t.trackingStatus, t.createdAt),
    // The fulfillment-hold queue: shipments whose hold in Shopify is due, by when.
    index("shipments_hold_due_idx")
      .on(t.holdDueAt)
      .where(sql`${t.holdDueAt} is not null`),
  ],
);

// Running counts of shipments, kept by statement-level triggers on shipments (migration 0010) in
// the same transaction as the change: Shipment Management's and the drafts tab's row counts, the
// stage counts and the overview's figures read these few rows instead of counting a million
// shipments (npm run bench:shipments). Append-only (each statement adds its net change per key,
// so concurrent writers never wait for or deadlock on a counter row); a reader sums them, and
// compactShipmentTallies folds them into one row per key when they pile up.
export const shipmentTallies = pgTable("shipment_tallies", {
  // No foreign key: the rows of a deleted store are cancelled out by the deletion's own tally.
  storeId: uuid("store_id").notNull(),
  status: shipmentStatus("status").notNull(),
  carrier: text("carrier"),
  destinationCountry: text("destination_country"),
  shipments: bigint("shipments", { mode: "number" }).notNull(),
});

// The same, per São Paulo day of the order's creation: the overview's chart of the last 14 days.
export const shipmentDayTallies = pgTable(
  "shipment_day_tallies",
  {
    day: date("day").notNull(),
    status: shipmentStatus("status").notNull(),
    carrier: text("carrier"),
    shipments: bigint("shipments", { mode: "number" }).notNull(),
  },
  (t) => [index("shipment_day_tallies_day_idx").on(t.day)],
);

// The label and commercial invoice as issued: a re-download serves these exact bytes.
export const shipmentDocuments = pgTable("shipment_documents", {
  shipmentId: uuid("shipment_id")
    .primaryKey()
    .references(() => shipments.id, { onDelete: "cascade" }),
  // Null for Correios, whose label the agency prints (the operator records its S10 code later).
  trackingNumber: text("tracking_number"),
  /** The carrier's label exactly as issued, in `label_format` (PDF 4×6, or ZPL for thermal printers). */
  labelPdf: bytea("label_pdf"),
  labelZpl: bytea("label_zpl"),
  labelFormat: labelFormat("label_format").notNull().default("pdf"),
  invoicePdf: bytea("invoice_pdf").notNull(),
  /** How the commercial invoice reached the carrier: uploaded electronically (paperless) or printed with the label. */
  invoiceDelivery: text("invoice_delivery").$type<"paperless" | "printed">().notNull().default("printed"),
  /** The carrier's id of the uploaded invoice (UPS DocumentID, FedEx docId), when paperless. */
  paperlessDocumentId: text("paperless_document_id"),
  labelPages: integer("label_pages").notNull(),
  invoicePages: integer("invoice_pages").notNull(),
  generatedBy: uuid("generated_by").references(() => users.id, { onDelete: "set null" }),
  generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
});

// The last tracking sequence the former sandbox carrier issued per carrier. Nothing writes it any
// more (real carriers number their own labels); the table stays so no migration is needed to drop it.
export const trackingSequences = pgTable("tracking_sequences", {
  carrier: text("carrier").primaryKey(),
  lastValue: bigint("last_value", { mode: "number" }).notNull(),
});

export const quotes = pgTable(
  "quotes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    carrier: text("carrier").notNull(),
    service: text("service").notNull(),
    chargeableWeightKg: numeric("chargeable_weight_kg", { precision: 10, scale: 3 }).notNull(),
    price: numeric("price", { precision: 14, scale: 2 }).notNull(),
    currency: text("currency").notNull().default("BRL"),
    transitDays: integer("transit_days"),
    /** "rate_card": the merchant's rate card (an estimate); "live": the carrier account's own rate. */
    source: text("source").$type<"rate_card" | "live">().notNull().default("rate_card"),
    carrierAccountId: uuid("carrier_account_id").references(() => carrierAccounts.id, { onDelete: "set null" }),
    /** The carrier's service code behind a live rate (UPS "65", FedEx "FEDEX_INTERNATIONAL_PRIORITY"). */
    serviceCode: text("service_code"),
    estimatedDelivery: date("estimated_delivery"),
    createdAt: createdAt(),
  },
  (t) => [index("quotes_shipment_idx").on(t.shipmentId), index("quotes_created_idx").on(t.createdAt)],
);

// The merchant's rate cards (one per carrier service), prices per destination zone in BRL. The
// defaults seeded on first use are example negotiated rates an admin replaces with the store's own.
export const rateCards = pgTable(
  "rate_cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    carrier: text("carrier").notNull(),
    service: text("service").notNull(),
    currency: text("currency").notNull().default("BRL"),
    zones: jsonb("zones").$type<RateCard["zones"]>().notNull(),
    isDefault: boolean("is_default").notNull().default(true),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("rate_cards_carrier_service_key").on(t.carrier, t.service)],
);

export const syncTrigger = pgEnum("sync_trigger", SYNC_TRIGGERS);
export const syncRunStatus = pgEnum("sync_run_status", SYNC_RUN_STATUSES);

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    trigger: syncTrigger("trigger").notNull(),
    triggeredBy: uuid("triggered_by").references(() => users.id, { onDelete: "set null" }),
    status: syncRunStatus("status").notNull().default("queued"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    fetched: integer("fetched").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    drafts: integer("drafts").notNull().default(0),
    complete: integer("complete").notNull().default(0),
    skippedNoAddress: integer("skipped_no_address").notNull().default(0),
    skippedDomestic: integer("skipped_domestic").notNull().default(0),
    skippedTest: integer("skipped_test").notNull().default(0),
    // Orders with an address whose every line needs no shipping (digital goods, services).
    skippedNotShippable: integer("skipped_not_shippable").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    expectedTotal: integer("expected_total"),
    error: text("error"),
    /** Machine reason for a failed run, e.g. "reconnect_needed" (the UI links to the fix). */
    errorCode: text("error_code"),
    /** Touched while a worker executes the run; a running run whose heartbeat stopped is resumed. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    /** The worker holding the run (a random id per claim); only it may renew or finish the run. */
    leaseOwner: uuid("lease_owner"),
    /** Until when the holder's lease runs; another worker may take the run over only after it. */
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("sync_runs_store_created_idx").on(t.storeId, t.createdAt),
    index("sync_runs_created_idx").on(t.createdAt),
    // At most one queued or running run per store; a second trigger joins the first.
    uniqueIndex("sync_runs_one_active_per_store")
      .on(t.storeId)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

export const syncItemOutcome = pgEnum("sync_item_outcome", SYNC_ITEM_OUTCOMES);

export const syncRunItems = pgTable(
  "sync_run_items",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => syncRuns.id, { onDelete: "cascade" }),
    orderGid: text("order_gid").notNull(),
    orderName: text("order_name"),
    outcome: syncItemOutcome("outcome").notNull(),
    reason: text("reason"),
    detail: jsonb("detail").$type<SyncItemDetail>(),
    /** "Archive in Shopify" for orders without a shipping address: when it succeeded, or why not. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    archiveError: text("archive_error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sync_run_items_run_idx").on(t.runId, t.outcome),
    index("sync_run_items_order_name_idx").on(t.orderName),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.createdAt),
    index("audit_events_created_idx").on(t.createdAt),
  ],
);

// PTAX rates from the Banco Central do Brasil (one row per currency and bulletin date): BRL per
// unit of the currency, buy and sell, as the closing bulletin published them.
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    currency: text("currency").notNull(),
    rateDate: date("rate_date").notNull(),
    buyBrl: numeric("buy_brl", { precision: 18, scale: 8 }).notNull(),
    sellBrl: numeric("sell_brl", { precision: 18, scale: 8 }).notNull(),
    bulletin: text("bulletin").notNull(),
    quotedAt: timestamp("quoted_at", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.rateDate] })],
);

// Webhook ids already processed, so a redelivery is acknowledged without running twice.
export const processedWebhooks = pgTable(
  "processed_webhooks",
  {
    webhookId: text("webhook_id").notNull(),
    shopDomain: text("shop_domain").notNull(),
    topic: text("topic").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.webhookId, t.shopDomain] })],
);

// A carrier account of the merchant's (UPS, FedEx, DHL Express): the API credentials and account
// number, encrypted together at rest (AES-256-GCM, the row id as associated data, like Shopify
// tokens); never sent to the browser or written to logs. `hint` is what the UI shows of it.
export const carrierAccounts = pgTable(
  "carrier_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    carrier: text("carrier").notNull(),
    name: text("name").notNull(),
    /** The carrier's test (sandbox / CIE) or production hosts. */
    environment: text("environment").$type<"test" | "production">().notNull(),
    credentials: text("credentials").notNull(),
    /** The account number's last four characters, for the UI. */
    hint: text("hint").notNull(),
    lastTestedAt: timestamp("last_tested_at", { withTimezone: true }),
    lastTestOk: boolean("last_test_ok"),
    lastTestError: text("last_test_error"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("carrier_accounts_carrier_idx").on(t.carrier)],
);

// Which account a store ships with, per carrier (one per store and carrier).
export const storeCarrierAccounts = pgTable(
  "store_carrier_accounts",
  {
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    carrier: text("carrier").notNull(),
    carrierAccountId: uuid("carrier_account_id")
      .notNull()
      .references(() => carrierAccounts.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.carrier] }),
    index("store_carrier_accounts_account_idx").on(t.carrierAccountId),
  ],
);

export const labelPurchaseStatus = pgEnum("label_purchase_status", LABEL_PURCHASE_STATUSES);

// The intent to buy one label, written and committed before the carrier is asked. `reference` is
// deterministic (shipment + attempt) and sent with the request, so a purchase whose answer was lost
// (timeout, crash before our commit) is found at the carrier and reconciled before any retry:
// a label is never bought twice.
export const labelPurchases = pgTable(
  "label_purchases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    carrierAccountId: uuid("carrier_account_id").references(() => carrierAccounts.id, { onDelete: "set null" }),
    carrier: text("carrier").notNull(),
    attempt: integer("attempt").notNull(),
    reference: text("reference").notNull(),
    status: labelPurchaseStatus("status").notNull().default("pending"),
    trackingNumber: text("tracking_number"),
    carrierShipmentId: text("carrier_shipment_id"),
    error: text("error"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("label_purchases_reference_key").on(t.reference),
    uniqueIndex("label_purchases_shipment_attempt_key").on(t.shipmentId, t.attempt),
    // At most one live purchase per shipment: pending (in flight or unreconciled) or purchased.
    uniqueIndex("label_purchases_one_live_per_shipment")
      .on(t.shipmentId)
      .where(sql`${t.status} in ('pending', 'purchased')`),
  ],
);

// The carrier's tracking events of a shipment, as reported (deduplicated), and whether each reached
// Shopify as a fulfillment event.
export const trackingEvents = pgTable(
  "tracking_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    shipmentId: uuid("shipment_id")
      .notNull()
      .references(() => shipments.id, { onDelete: "cascade" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    status: trackingStatus("status").notNull(),
    carrierCode: text("carrier_code").notNull(),
    description: text("description").notNull(),
    location: text("location"),
    shopifyEventId: text("shopify_event_id"),
    shopifyError: text("shopify_error"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tracking_events_dedup_key").on(t.shipmentId, t.occurredAt, t.carrierCode),
    index("tracking_events_shipment_idx").on(t.shipmentId, t.occurredAt),
  ],
);

export type CarrierAccount = typeof carrierAccounts.$inferSelect;
export type LabelPurchase = typeof labelPurchases.$inferSelect;
export type TrackingEventRow = typeof trackingEvents.$inferSelect;

export type User = typeof users.$inferSelect;
export type Store = typeof stores.$inferSelect;
export type Shipment = typeof shipments.$inferSelect;
export type SyncRun = typeof syncRuns.$inferSelect;
export type Pickup = typeof pickups.$inferSelect;
export type ExchangeRateRow = typeof exchangeRates.$inferSelect;

// Orders a sync could not store (a failed item with a PII-free reason): the watermark moved past
// them, so each later sync of the store reads them again by id until they import or are gone.
export const syncOrderRetries = pgTable(
  "sync_order_retries",
  {
    storeId: uuid("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    orderGid: text("order_gid").notNull(),
    orderName: text("order_name"),
    reason: text("reason").notNull(),
    attempts: integer("attempts").notNull().default(1),
    firstFailedAt: timestamp("first_failed_at", { withTimezone: true }).notNull().defaultNow(),
    lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.orderGid] })],
);

export type SyncOrderRetry = typeof syncOrderRetries.$inferSelect;
