ALTER TABLE "shipments" ADD COLUMN "shopify_hold_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "shopify_hold_notes" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "shopify_hold_error" text;--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "shopify_hold_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "fulfillment_holds" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "stores" ADD COLUMN "locale" text;--> statement-breakpoint
CREATE INDEX "shipments_hold_due_idx" ON "shipments" USING btree ("shopify_hold_due_at") WHERE "shipments"."shopify_hold_due_at" is not null;--> statement-breakpoint
-- A shipment's hold in Shopify is due whenever it becomes a draft, stops being one, or what it
-- misses changes (the notes say what is missing). Triggers, so that every path — the import, Edit
-- Draft, bulk changes, quotes, cancellations, re-evaluations — queues it without knowing of holds.
-- The WHEN clauses are tested without entering PL/pgSQL: an update that changes neither costs nothing.
CREATE FUNCTION "shipments_hold_due"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."shopify_hold_due_at" := now();
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "shipments_hold_due_on_insert" BEFORE INSERT ON "shipments"
  FOR EACH ROW WHEN (NEW."status" = 'draft') EXECUTE FUNCTION "shipments_hold_due"();--> statement-breakpoint
CREATE TRIGGER "shipments_hold_due_on_update" BEFORE UPDATE OF "status", "missing_fields" ON "shipments"
  FOR EACH ROW WHEN (
    (OLD."status" = 'draft') IS DISTINCT FROM (NEW."status" = 'draft')
    OR (NEW."status" = 'draft' AND OLD."missing_fields" IS DISTINCT FROM NEW."missing_fields")
  ) EXECUTE FUNCTION "shipments_hold_due"();--> statement-breakpoint
-- The drafts that exist now are put on hold too (once their store has granted the scope).
UPDATE "shipments" SET "shopify_hold_due_at" = now() WHERE "status" = 'draft';
