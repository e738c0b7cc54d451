-- Trigram indexes back the search box (substring matches on order number, customer, NF-e key).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."fulfillment_state" AS ENUM('pending', 'created', 'failed');--> statement-breakpoint
CREATE TYPE "public"."pickup_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TABLE "pickups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"pickup_date" date NOT NULL,
	"ready_time" text NOT NULL,
	"close_time" text NOT NULL,
	"status" "pickup_status" DEFAULT 'scheduled' NOT NULL,
	"confirmation_number" text NOT NULL,
	"created_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipment_documents" (
	"shipment_id" uuid PRIMARY KEY NOT NULL,
	"tracking_number" text NOT NULL,
	"label_pdf" "bytea" NOT NULL,
	"invoice_pdf" "bytea" NOT NULL,
	"label_pages" integer NOT NULL,
	"invoice_pages" integer NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tracking_sequences" (
	"carrier" text PRIMARY KEY NOT NULL,
	"last_value" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "pickup_id" uuid;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "pickup_date" date;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "documents_generated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "fulfillment_state" "fulfillment_state";--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "fulfillment_error" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "shopify_fulfillment_id" text;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "shipper" jsonb;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickups" ADD CONSTRAINT "pickups_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_documents" ADD CONSTRAINT "shipment_documents_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipment_documents" ADD CONSTRAINT "shipment_documents_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pickups_date_status_idx" ON "pickups" USING btree ("pickup_date","status");--> statement-breakpoint
CREATE INDEX "pickups_store_idx" ON "pickups" USING btree ("store_id");--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_pickup_id_pickups_id_fk" FOREIGN KEY ("pickup_id") REFERENCES "public"."pickups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_customer_name_idx" ON "orders" USING btree ("customer_name");--> statement-breakpoint
CREATE INDEX "orders_name_trgm_idx" ON "orders" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_customer_name_trgm_idx" ON "orders" USING gin ("customer_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "shipments_nfe_key_trgm_idx" ON "shipments" USING gin ("nfe_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "shipments_pickup_idx" ON "shipments" USING btree ("pickup_id");--> statement-breakpoint
CREATE INDEX "shipments_pickup_date_id_idx" ON "shipments" USING btree ("pickup_date","id");--> statement-breakpoint
CREATE INDEX "shipments_status_pickup_date_idx" ON "shipments" USING btree ("status","pickup_date","id");--> statement-breakpoint
CREATE INDEX "shipments_created_id_idx" ON "shipments" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "shipments_value_id_idx" ON "shipments" USING btree ("declared_value","id");