ALTER TYPE "public"."sync_item_outcome" ADD VALUE 'skipped_test' BEFORE 'cancelled';--> statement-breakpoint
ALTER TYPE "public"."sync_item_outcome" ADD VALUE 'skipped_not_shippable' BEFORE 'cancelled';--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"currency" text NOT NULL,
	"rate_date" date NOT NULL,
	"buy_brl" numeric(18, 8) NOT NULL,
	"sell_brl" numeric(18, 8) NOT NULL,
	"bulletin" text NOT NULL,
	"quoted_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rates_currency_rate_date_pk" PRIMARY KEY("currency","rate_date")
);
--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "problems" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "declared_value_usd_cents" bigint;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "exchange_rate" jsonb;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "is_test" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "cancelled_in_shopify_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "default_incoterm" text;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "default_export_reason" text;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "test_orders" text DEFAULT 'skip' NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "skipped_test" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "skipped_not_shippable" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "shipments_cancelled_in_shopify_idx" ON "shipments" USING btree ("cancelled_in_shopify_at") WHERE "shipments"."cancelled_in_shopify_at" is not null;