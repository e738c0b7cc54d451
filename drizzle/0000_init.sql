CREATE TYPE "public"."app_locale" AS ENUM('en', 'pt-BR');--> statement-breakpoint
CREATE TYPE "public"."shipment_status" AS ENUM('draft', 'ready', 'pickup_scheduled', 'shipped', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."store_status" AS ENUM('connected', 'reconnect_needed', 'uninstalled');--> statement-breakpoint
CREATE TYPE "public"."sync_item_outcome" AS ENUM('created_ready', 'created_draft', 'updated', 'unchanged', 'skipped_no_address', 'skipped_domestic', 'cancelled', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sync_run_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sync_trigger" AS ENUM('manual', 'webhook', 'schedule');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'operator');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"shopify_gid" text NOT NULL,
	"name" text NOT NULL,
	"shopify_created_at" timestamp with time zone NOT NULL,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"financial_status" text,
	"fulfillment_status" text,
	"currency" text NOT NULL,
	"total_price" numeric(14, 2) NOT NULL,
	"customer_name" text,
	"customer_email" text,
	"shipping_address" jsonb,
	"shipping_country" text,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shipping_line_title" text,
	"shipping_line_code" text,
	"raw" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processed_webhooks" (
	"webhook_id" text NOT NULL,
	"shop_domain" text NOT NULL,
	"topic" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_webhooks_webhook_id_shop_domain_pk" PRIMARY KEY("webhook_id","shop_domain")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shipment_id" uuid NOT NULL,
	"carrier" text NOT NULL,
	"service" text NOT NULL,
	"chargeable_weight_kg" numeric(10, 3) NOT NULL,
	"price" numeric(14, 2) NOT NULL,
	"currency" text DEFAULT 'BRL' NOT NULL,
	"transit_days" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"status" "shipment_status" DEFAULT 'draft' NOT NULL,
	"carrier" text,
	"service" text,
	"missing_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"nfe_key" text,
	"invoice_number" text,
	"invoice_series" text,
	"invoice_date" date,
	"declared_value" numeric(14, 2),
	"currency" text,
	"incoterm" text,
	"export_reason" text,
	"parcels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"customs_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipient" jsonb,
	"destination_country" text,
	"operator_edited" text[] DEFAULT '{}'::text[] NOT NULL,
	"chosen_quote_id" uuid,
	"tracking_number" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipments_order_id_unique" UNIQUE("order_id")
);
--> statement-breakpoint
CREATE TABLE "shopify_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"shop" text NOT NULL,
	"state" text NOT NULL,
	"isOnline" boolean DEFAULT false NOT NULL,
	"scope" text,
	"expires" timestamp,
	"accessToken" text NOT NULL,
	"userId" bigint,
	"firstName" text,
	"lastName" text,
	"email" text,
	"accountOwner" boolean,
	"locale" text,
	"collaborator" boolean,
	"emailVerified" boolean,
	"refreshToken" text,
	"refreshTokenExpires" timestamp
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shop_domain" text NOT NULL,
	"name" text NOT NULL,
	"origin_country" text DEFAULT 'BR' NOT NULL,
	"origin_state" text,
	"currency" text,
	"status" "store_status" DEFAULT 'connected' NOT NULL,
	"scopes" text,
	"plan" text,
	"last_synced_at" timestamp with time zone,
	"sync_watermark" timestamp with time zone,
	"throttle_restore_rate" integer,
	"throttle_max_available" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stores_shop_domain_unique" UNIQUE("shop_domain")
);
--> statement-breakpoint
CREATE TABLE "sync_run_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"order_gid" text NOT NULL,
	"order_name" text,
	"outcome" "sync_item_outcome" NOT NULL,
	"reason" text,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"store_id" uuid NOT NULL,
	"trigger" "sync_trigger" NOT NULL,
	"triggered_by" uuid,
	"status" "sync_run_status" DEFAULT 'queued' NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"fetched" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"drafts" integer DEFAULT 0 NOT NULL,
	"complete" integer DEFAULT 0 NOT NULL,
	"skipped_no_address" integer DEFAULT 0 NOT NULL,
	"skipped_domestic" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"expected_total" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" DEFAULT 'operator' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"locale" "app_locale",
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "public"."shipments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipments" ADD CONSTRAINT "shipments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_run_items" ADD CONSTRAINT "sync_run_items_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_triggered_by_users_id_fk" FOREIGN KEY ("triggered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_created_idx" ON "audit_events" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_store_gid_key" ON "orders" USING btree ("store_id","shopify_gid");--> statement-breakpoint
CREATE INDEX "orders_store_name_idx" ON "orders" USING btree ("store_id","name");--> statement-breakpoint
CREATE INDEX "orders_store_updated_idx" ON "orders" USING btree ("store_id","shopify_updated_at");--> statement-breakpoint
CREATE INDEX "quotes_shipment_idx" ON "quotes" USING btree ("shipment_id");--> statement-breakpoint
CREATE INDEX "quotes_created_idx" ON "quotes" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "shipments_status_created_idx" ON "shipments" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "shipments_store_status_idx" ON "shipments" USING btree ("store_id","status");--> statement-breakpoint
CREATE INDEX "shipments_carrier_status_idx" ON "shipments" USING btree ("carrier","status");--> statement-breakpoint
CREATE INDEX "shipments_destination_status_idx" ON "shipments" USING btree ("destination_country","status");--> statement-breakpoint
CREATE INDEX "shipments_nfe_key_idx" ON "shipments" USING btree ("nfe_key");--> statement-breakpoint
CREATE INDEX "shopify_sessions_shop_idx" ON "shopify_sessions" USING btree ("shop");--> statement-breakpoint
CREATE INDEX "sign_in_failures_key_idx" ON "sign_in_failures" USING btree ("key","failed_at");--> statement-breakpoint
CREATE INDEX "stores_status_idx" ON "stores" USING btree ("status");--> statement-breakpoint
CREATE INDEX "sync_run_items_run_idx" ON "sync_run_items" USING btree ("run_id","outcome");--> statement-breakpoint
CREATE INDEX "sync_run_items_order_name_idx" ON "sync_run_items" USING btree ("order_name");--> statement-breakpoint
CREATE INDEX "sync_runs_store_created_idx" ON "sync_runs" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "sync_runs_created_idx" ON "sync_runs" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_active_per_store" ON "sync_runs" USING btree ("store_id") WHERE "sync_runs"."status" in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");