DROP INDEX "orders_name_trgm_idx";--> statement-breakpoint
DROP INDEX "orders_customer_name_trgm_idx";--> statement-breakpoint
DROP INDEX "shipments_nfe_key_trgm_idx";--> statement-breakpoint
ALTER TABLE "shipments" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- What the search box matches (schema.ts, shipments.searchText): the order number, the customer
-- name and the NF-e key, lower-cased and joined by U+001F, a character no search holds. The search
-- is then `search_text LIKE lower(pattern)`, which in a UTF-8 database is exactly what ILIKE does
-- (it lower-cases both sides), without lower-casing every row on every search. One definition,
-- used by the backfill and both triggers.
CREATE FUNCTION "shipment_search_text"(order_name text, customer_name text, nfe_key text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT lower(concat_ws(chr(31), order_name, customer_name, nfe_key)) $$;--> statement-breakpoint
UPDATE "shipments" s SET "search_text" = "shipment_search_text"(o."name", o."customer_name", s."nfe_key")
  FROM "orders" o WHERE o."id" = s."order_id";--> statement-breakpoint
-- A new shipment, or one whose NF-e key or order changes, reads its order's name and customer.
CREATE FUNCTION "shipments_set_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "shipment_search_text"(o."name", o."customer_name", NEW."nfe_key") INTO NEW."search_text"
    FROM "orders" o WHERE o."id" = NEW."order_id";
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "shipments_search_text" BEFORE INSERT OR UPDATE OF "order_id", "nfe_key" ON "shipments"
  FOR EACH ROW EXECUTE FUNCTION "shipments_set_search_text"();--> statement-breakpoint
-- An order renamed, or its customer changed, in Shopify: its shipments' search follows.
CREATE FUNCTION "orders_update_shipment_search_text"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "shipments" SET "search_text" = "shipment_search_text"(NEW."name", NEW."customer_name", "nfe_key")
    WHERE "order_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "orders_shipment_search_text" AFTER UPDATE OF "name", "customer_name" ON "orders"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."customer_name" IS DISTINCT FROM NEW."customer_name")
  EXECUTE FUNCTION "orders_update_shipment_search_text"();--> statement-breakpoint
CREATE INDEX "orders_name_idx" ON "orders" USING btree ("name");--> statement-breakpoint
CREATE INDEX "orders_shopify_created_idx" ON "orders" USING btree ("shopify_created_at");--> statement-breakpoint
CREATE INDEX "shipments_search_text_trgm_idx" ON "shipments" USING gin ("search_text" gin_trgm_ops);