-- How many shipments a search pattern matches, as the planner reckons it from search_text's
-- statistics: with the default 100-entry histogram it read "silva" (2 % of a million shipments) as
-- 100 rows, fetched all 20,000 matches through the trigram index and sorted them for a page of 20
-- (105–150 ms); with 1,000 entries it reckons ~16,000 and walks the creation-date index until it
-- has 20 (2–4 ms, npm run bench:shipments). The column alone is analysed again here (a few seconds
-- at a million shipments), so the next page load already has the finer statistics.
ALTER TABLE "shipments" ALTER COLUMN "search_text" SET STATISTICS 1000;--> statement-breakpoint
ANALYZE "shipments" ("search_text");
