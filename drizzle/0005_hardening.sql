CREATE TABLE "sync_order_retries" (
	"store_id" uuid NOT NULL,
	"order_gid" text NOT NULL,
	"order_name" text,
	"reason" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_order_retries_store_id_order_gid_pk" PRIMARY KEY("store_id","order_gid")
);
--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "lease_owner" uuid;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_order_retries" ADD CONSTRAINT "sync_order_retries_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;