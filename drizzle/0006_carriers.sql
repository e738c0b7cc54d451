CREATE TYPE "public"."label_format" AS ENUM('pdf', 'zpl');--> statement-breakpoint
CREATE TYPE "public"."label_purchase_status" AS ENUM('pending', 'purchased', 'failed', 'voided');--> statement-breakpoint
CREATE TYPE "public"."tracking_status" AS ENUM('label_created', 'in_transit', 'out_for_delivery', 'delivered', 'exception');--> statement-breakpoint
CREATE TABLE "carrier_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carrier" text NOT NULL,
	"name" text NOT NULL,
	"environment" text NOT NULL,
	"credentials" text NOT NULL,
	"hint" text NOT NULL,
	"last_tested_at" timestamp with time zone,
	"last_test_ok" boolean,
	"last_test_error" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "label_purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"carrier_account_id" uuid,
	"carrier" text NOT NULL,
	"attempt" integer NOT NULL,
	"reference" text NOT NULL,
	"status" "label_purchase_status" DEFAULT 'pending' NOT NULL,
	"tracking_number" text,
	"carrier_shipment_id" text,
	"error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"requested_by" uuid
);
--> statement-breakpoint
CREATE TABLE "store_carrier_accounts" (
	"store_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"carrier_account_id" uuid NOT NULL,
	CONSTRAINT "store_carrier_accounts_store_id_carrier_pk" PRIMARY KEY("store_id","carrier")
);
--> statement-breakpoint
CREATE TABLE "tracking_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shipment_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"status" "tracking_status" NOT NULL,
	"carrier_code" text NOT NULL,
	"description" text NOT NULL,
	"location" text,
	"shopify_event_id" text,
	"shopify_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shipment_documents" ALTER COLUMN "tracking_number" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "shipment_documents" ALTER COLUMN "label_pdf" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "carrier_account_id" uuid;--> statement-breakpoint
ALTER TABLE "pickups" ADD COLUMN "carrier_location" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "source" text DEFAULT 'rate_card' NOT NULL;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "carrier_account_id" uuid;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "service_code" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "estimated_delivery" date;--> statement-breakpoint
ALTER TABLE "shipment_documents" ADD COLUMN "label_zpl" "bytea";--> statement-breakpoint
ALTER TABLE "shipment_documents" ADD COLUMN "label_format" "label_format" DEFAULT 'pdf' NOT NULL;--> statement-breakpoint
ALTER TABLE "shipment_documents" ADD COLUMN "invoice_delivery" text DEFAULT 'printed' NOT NULL;--> statement-breakpoint
ALTER TABLE "shipment_documents" ADD COLUMN "paperless_document_id" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "carrier_shipment_id" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "tracking_status" "tracking_status";--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "tracking_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "tracking_next_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "tracking_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "label_format" "label_format" DEFAULT 'pdf' NOT NULL;--> statement-breakpoint
ALTER TABLE "carrier_accounts" ADD CONSTRAINT "carrier_accounts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_purchases" ADD CONSTRAINT "label_purchases_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_purchases" ADD CONSTRAINT "label_purchases_carrier_account_id_carrier_accounts_id_fk" FOREIGN KEY ("carrier_account_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "label_purchases" ADD CONSTRAINT "label_purchases_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_carrier_accounts" ADD CONSTRAINT "store_carrier_accounts_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_carrier_accounts" ADD CONSTRAINT "store_carrier_accounts_carrier_account_id_carrier_accounts_id_fk" FOREIGN KEY ("carrier_account_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_events" ADD CONSTRAINT "tracking_events_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carrier_accounts_carrier_idx" ON "carrier_accounts" USING btree ("carrier");--> statement-breakpoint
CREATE UNIQUE INDEX "label_purchases_reference_key" ON "label_purchases" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "label_purchases_shipment_attempt_key" ON "label_purchases" USING btree ("shipment_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "label_purchases_one_live_per_shipment" ON "label_purchases" USING btree ("shipment_id") WHERE "label_purchases"."status" in ('pending', 'purchased');--> statement-breakpoint
CREATE INDEX "store_carrier_accounts_account_idx" ON "store_carrier_accounts" USING btree ("carrier_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_events_dedup_key" ON "tracking_events" USING btree ("shipment_id","occurred_at","carrier_code");--> statement-breakpoint
CREATE INDEX "tracking_events_shipment_idx" ON "tracking_events" USING btree ("shipment_id","occurred_at");--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_carrier_account_id_carrier_accounts_id_fk" FOREIGN KEY ("carrier_account_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_carrier_account_id_carrier_accounts_id_fk" FOREIGN KEY ("carrier_account_id") REFERENCES "public"."carrier_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipments_tracking_due_idx" ON "shipments" USING btree ("tracking_next_check_at") WHERE "shipments"."tracking_next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "shipments_tracking_status_idx" ON "shipments" USING btree ("tracking_status","created_at");