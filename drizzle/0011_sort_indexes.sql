-- Shipment Management's sorts by carrier, destination and status order by the column and then the
-- id (every sort's tiebreaker): indexes on exactly that, instead of a top-N sort of ~950,000 rows
-- at a million shipments (0.4–0.7 s, npm run bench:shipments). The (column, status) indexes they
-- replace served the filters' counts, which the tallies answer now (0010). The NF-e key index
-- served no query since the search moved to search_text (0008).
DROP INDEX "shipments_carrier_status_idx";--> statement-breakpoint
DROP INDEX "shipments_destination_status_idx";--> statement-breakpoint
DROP INDEX "shipments_nfe_key_idx";--> statement-breakpoint
CREATE INDEX "shipments_carrier_id_idx" ON "shipments" USING btree ("carrier","id");--> statement-breakpoint
CREATE INDEX "shipments_destination_id_idx" ON "shipments" USING btree ("destination_country","id");--> statement-breakpoint
CREATE INDEX "shipments_status_id_idx" ON "shipments" USING btree ("status","id");