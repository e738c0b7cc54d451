-- Issue 16, import speed. An order's raw snapshot (with its lines and address, ~3 kB of jsonb) is
-- stored compressed; pglz spent more of a bulk import's time compressing it than inserting it.
-- lz4 compresses the same values several times faster. Only a server built with lz4 can use it;
-- one without (PGlite) keeps the raw snapshot and the lines out of line uncompressed instead
-- (EXTERNAL): a PGlite import spent a fifth of its time in pglz, and the values take about twice
-- the space. Either way only new values are stored so; old ones stay as they are, readable.
DO $$
BEGIN
  ALTER TABLE "orders"
    ALTER COLUMN "raw" SET COMPRESSION lz4,
    ALTER COLUMN "lines" SET COMPRESSION lz4,
    ALTER COLUMN "shipping_address" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  ALTER TABLE "orders"
    ALTER COLUMN "raw" SET STORAGE EXTERNAL,
    ALTER COLUMN "lines" SET STORAGE EXTERNAL;
END $$;--> statement-breakpoint
-- A new shipment's search text and its order's creation instant (0010) are looked up by the
-- trigger only when the insert did not give them: the import computes both in its insert
-- statement, from the same orders and the same function (shipment_search_text), a join for the
-- page instead of a PL/pgSQL call and a look-up per row. Every other writer leaves the columns to
-- their defaults ('' and NULL), and the trigger fills them as before; a change of the NF-e key or
-- the order is always recomputed.
DROP TRIGGER "shipments_search_text" ON "shipments";--> statement-breakpoint
CREATE TRIGGER "shipments_search_text_insert" BEFORE INSERT ON "shipments"
  FOR EACH ROW WHEN (NEW."search_text" = '' OR NEW."order_created_at" IS NULL) EXECUTE FUNCTION "shipments_set_search_text"();--> statement-breakpoint
CREATE TRIGGER "shipments_search_text" BEFORE UPDATE OF "order_id", "nfe_key" ON "shipments"
  FOR EACH ROW EXECUTE FUNCTION "shipments_set_search_text"();
