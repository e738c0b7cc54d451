ALTER TABLE "sync_run_items" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_run_items" ADD COLUMN "archive_error" text;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "heartbeat_at" timestamp with time zone;