CREATE TABLE "shipment_day_tallies" (
	"day" date NOT NULL,
	"status" "shipment_status" NOT NULL,
	"carrier" text,
	"shipments" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shipment_tallies" (
	"store_id" uuid NOT NULL,
	"status" "shipment_status" NOT NULL,
	"carrier" text,
	"destination_country" text,
	"shipments" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "order_created_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "shipment_day_tallies_day_idx" ON "shipment_day_tallies" USING btree ("day");--> statement-breakpoint
-- The order's creation instant, copied where search_text is (the same look-up of the order).
CREATE OR REPLACE FUNCTION "shipments_set_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "shipment_search_text"(o."name", o."customer_name", NEW."nfe_key"), o."shopify_created_at"
    INTO NEW."search_text", NEW."order_created_at"
    FROM "orders" o WHERE o."id" = NEW."order_id";
  RETURN NEW;
END $$;--> statement-breakpoint
UPDATE "shipments" s SET "order_created_at" = o."shopify_created_at" FROM "orders" o WHERE o."id" = s."order_id";--> statement-breakpoint
-- Each statement that writes shipments adds its net change per key to the tallies (schema.ts,
-- shipmentTallies): +1 per new row, -1 per old one, keys that did not change cancel out. The day is
-- the order's creation day in São Paulo (src/domain/local-time.ts, ORIGIN_TIME_ZONE), as the
-- overview's chart reads it. One function for the three triggers (a trigger with transition tables
-- may have one event only); each names its tables old_rows/new_rows.
CREATE FUNCTION "shipments_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "shipment_tallies"
      SELECT "store_id", "status", "carrier", "destination_country", count(*) FROM new_rows GROUP BY 1, 2, 3, 4;
    INSERT INTO "shipment_day_tallies"
      SELECT ("order_created_at" AT TIME ZONE 'America/Sao_Paulo')::date, "status", "carrier", count(*)
        FROM new_rows WHERE "order_created_at" IS NOT NULL GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "shipment_tallies"
      SELECT "store_id", "status", "carrier", "destination_country", -count(*) FROM old_rows GROUP BY 1, 2, 3, 4;
    INSERT INTO "shipment_day_tallies"
      SELECT ("order_created_at" AT TIME ZONE 'America/Sao_Paulo')::date, "status", "carrier", -count(*)
        FROM old_rows WHERE "order_created_at" IS NOT NULL GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO "shipment_tallies"
      SELECT "store_id", "status", "carrier", "destination_country", sum(n) FROM (
        SELECT "store_id", "status", "carrier", "destination_country", 1 AS n FROM new_rows
        UNION ALL
        SELECT "store_id", "status", "carrier", "destination_country", -1 FROM old_rows
      ) AS change GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0;
    INSERT INTO "shipment_day_tallies"
      SELECT ("order_created_at" AT TIME ZONE 'America/Sao_Paulo')::date, "status", "carrier", sum(n) FROM (
        SELECT "order_created_at", "status", "carrier", 1 AS n FROM new_rows
        UNION ALL
        SELECT "order_created_at", "status", "carrier", -1 FROM old_rows
      ) AS change WHERE "order_created_at" IS NOT NULL GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "shipments_tally_insert" AFTER INSERT ON "shipments" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "shipments_tally"();--> statement-breakpoint
CREATE TRIGGER "shipments_tally_update" AFTER UPDATE ON "shipments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "shipments_tally"();--> statement-breakpoint
CREATE TRIGGER "shipments_tally_delete" AFTER DELETE ON "shipments" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "shipments_tally"();--> statement-breakpoint
CREATE FUNCTION "shipments_tally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "shipment_tallies";
  DELETE FROM "shipment_day_tallies";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "shipments_tally_truncate" AFTER TRUNCATE ON "shipments"
  FOR EACH STATEMENT EXECUTE FUNCTION "shipments_tally_truncate"();--> statement-breakpoint
INSERT INTO "shipment_tallies"
  SELECT "store_id", "status", "carrier", "destination_country", count(*) FROM "shipments" GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO "shipment_day_tallies"
  SELECT ("order_created_at" AT TIME ZONE 'America/Sao_Paulo')::date, "status", "carrier", count(*)
    FROM "shipments" WHERE "order_created_at" IS NOT NULL GROUP BY 1, 2, 3;
