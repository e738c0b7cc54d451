-- Every process keeps a small cache of aggregate figures (the overview, table counts; see
-- src/server/db/aggregate-cache.ts) and LISTENs on this channel to drop what a change makes stale.
-- Statement-level, so a 500-order import batch costs one notification per table, and delivered by
-- PostgreSQL only at COMMIT (identical payloads of one transaction are folded into one): a reader
-- never learns of a change before it is visible, nor misses one that is.
CREATE FUNCTION "notify_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('shipsmart_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "shipments_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "shipments" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();--> statement-breakpoint
CREATE TRIGGER "orders_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "orders" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();--> statement-breakpoint
CREATE TRIGGER "pickups_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pickups" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();--> statement-breakpoint
CREATE TRIGGER "stores_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "stores" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();--> statement-breakpoint
CREATE TRIGGER "sync_runs_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sync_runs" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();--> statement-breakpoint
CREATE TRIGGER "quotes_data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "quotes" FOR EACH STATEMENT EXECUTE FUNCTION "notify_data_changed"();
