CREATE TABLE "alert_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"schedule_id" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"owner" text,
	"attempt" integer NOT NULL,
	"outcome" text NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_deliveries_channel_check" CHECK ("alert_deliveries"."channel" in ('email', 'slack', 'teams')),
	CONSTRAINT "alert_deliveries_outcome_check" CHECK ("alert_deliveries"."outcome" in ('delivered', 'retry', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "jobs" DROP CONSTRAINT "jobs_kind_check";--> statement-breakpoint
ALTER TABLE "audit_schedules" ADD COLUMN "delivery" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_deliveries_client_id_schedule_id_idx" ON "alert_deliveries" USING btree ("client_id","schedule_id","created_at");--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_kind_check" CHECK ("jobs"."kind" in ('scheduled_audit', 'daily_snapshot', 'connection_health', 'policy_sync', 'send_report', 'deliver_alert'));--> statement-breakpoint
-- A new tenant table gets the row-level security of 0006 (which covered the tables of its time).
ALTER TABLE "alert_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "alert_deliveries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "alert_deliveries" TO tagc_app;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "alert_deliveries" TO tagc_app USING (client_id = current_setting('app.client_id', true)) WITH CHECK (client_id = current_setting('app.client_id', true));--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('CREATE POLICY system_access ON "alert_deliveries" TO %I USING (true) WITH CHECK (true)', current_user);
END
$$;
