CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"display_prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"rotated_from_id" text,
	"grace_expires_at" timestamp with time zone,
	CONSTRAINT "api_keys_secret_hash_unique" UNIQUE("secret_hash"),
	CONSTRAINT "api_keys_secret_hash_check" CHECK ("api_keys"."secret_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"api_key_id" text,
	"actor" text NOT NULL,
	"operation" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outcome" text NOT NULL,
	"error_code" text,
	"duration_ms" integer NOT NULL,
	"request_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_actor_check" CHECK ("audit_events"."actor" in ('admin', 'api_key', 'system')),
	CONSTRAINT "audit_events_outcome_check" CHECK ("audit_events"."outcome" in ('ok', 'error')),
	CONSTRAINT "audit_events_duration_ms_check" CHECK ("audit_events"."duration_ms" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"cadence" text NOT NULL,
	"time_of_day" text NOT NULL,
	"timezone" text NOT NULL,
	"cron" text NOT NULL,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notification_format" text NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_schedules_cadence_check" CHECK ("audit_schedules"."cadence" in ('daily', 'weekly', 'monthly')),
	CONSTRAINT "audit_schedules_time_of_day_check" CHECK ("audit_schedules"."time_of_day" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "audit_schedules_notification_format_check" CHECK ("audit_schedules"."notification_format" in ('email', 'slack', 'both')),
	CONSTRAINT "audit_schedules_status_check" CHECK ("audit_schedules"."status" in ('active', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "aws_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"account_id" text,
	"role_name" text NOT NULL,
	"role_arn" text,
	"external_id" text NOT NULL,
	"external_id_expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_checked_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"last_error_code" text,
	"last_error_message" text,
	"verified_at" timestamp with time zone,
	"template_version" text NOT NULL,
	"policy_import_note" text,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aws_connections_external_id_unique" UNIQUE("external_id"),
	CONSTRAINT "aws_connections_client_id_account_id_unique" UNIQUE("client_id","account_id"),
	CONSTRAINT "aws_connections_status_check" CHECK ("aws_connections"."status" in ('pending', 'connected', 'degraded', 'revoked', 'deleted')),
	CONSTRAINT "aws_connections_account_id_check" CHECK ("aws_connections"."account_id" ~ '^[0-9]{12}$'),
	CONSTRAINT "aws_connections_consecutive_failures_check" CHECK ("aws_connections"."consecutive_failures" >= 0)
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" text PRIMARY KEY NOT NULL,
	"short_id" text NOT NULL,
	"name" text NOT NULL,
	"contact_email" text NOT NULL,
	"tier" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"status_reason" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "clients_short_id_unique" UNIQUE("short_id"),
	CONSTRAINT "clients_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "clients_tier_check" CHECK ("clients"."tier" in ('starter', 'professional', 'enterprise')),
	CONSTRAINT "clients_status_check" CHECK ("clients"."status" in ('pending', 'connected', 'degraded', 'revoked', 'deleted')),
	CONSTRAINT "clients_short_id_check" CHECK ("clients"."short_id" ~ '^[a-z0-9]{8}$'),
	CONSTRAINT "clients_deleted_check" CHECK (("clients"."status" = 'deleted') = ("clients"."deleted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "compliance_snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"account_id" text NOT NULL,
	"scope" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"total" integer NOT NULL,
	"compliant" integer NOT NULL,
	"violation_count" integer NOT NULL,
	"by_region" jsonb NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_snapshots_account_id_check" CHECK ("compliance_snapshots"."account_id" ~ '^[0-9]{12}$'),
	CONSTRAINT "compliance_snapshots_score_check" CHECK ("compliance_snapshots"."score" >= 0 and "compliance_snapshots"."score" <= 1),
	CONSTRAINT "compliance_snapshots_counts_check" CHECK ("compliance_snapshots"."compliant" >= 0 and "compliance_snapshots"."compliant" <= "compliance_snapshots"."total" and "compliance_snapshots"."violation_count" >= 0),
	CONSTRAINT "compliance_snapshots_kind_check" CHECK ("compliance_snapshots"."kind" in ('scheduled', 'ad_hoc'))
);
--> statement-breakpoint
CREATE TABLE "tag_baselines" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"account_id" text NOT NULL,
	"resource_arn" text NOT NULL,
	"tags" jsonb NOT NULL,
	"captured_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tag_baselines_account_id_check" CHECK ("tag_baselines"."account_id" ~ '^[0-9]{12}$')
);
--> statement-breakpoint
CREATE TABLE "tagging_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tagging_policies_client_id_version_unique" UNIQUE("client_id","version"),
	CONSTRAINT "tagging_policies_version_check" CHECK ("tagging_policies"."version" >= 1),
	CONSTRAINT "tagging_policies_source_check" CHECK ("tagging_policies"."source" in ('default', 'imported', 'uploaded'))
);
--> statement-breakpoint
CREATE TABLE "usage_events" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"metadata" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_events_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "usage_events_period_check" CHECK ("usage_events"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "usage_events_kind_check" CHECK ("usage_events"."kind" in ('scan', 'resource')),
	CONSTRAINT "usage_events_quantity_check" CHECK ("usage_events"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_rotated_from_id_api_keys_id_fk" FOREIGN KEY ("rotated_from_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_schedules" ADD CONSTRAINT "audit_schedules_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aws_connections" ADD CONSTRAINT "aws_connections_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_snapshots" ADD CONSTRAINT "compliance_snapshots_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tag_baselines" ADD CONSTRAINT "tag_baselines_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tagging_policies" ADD CONSTRAINT "tagging_policies_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_client_id_created_at_idx" ON "api_keys" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_client_id_created_at_id_idx" ON "audit_events" USING btree ("client_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_schedules_client_id_idx" ON "audit_schedules" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "audit_schedules_status_next_run_at_idx" ON "audit_schedules" USING btree ("status","next_run_at");--> statement-breakpoint
CREATE INDEX "clients_status_id_idx" ON "clients" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "compliance_snapshots_client_id_created_at_idx" ON "compliance_snapshots" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "tag_baselines_client_id_resource_arn_captured_at_idx" ON "tag_baselines" USING btree ("client_id","resource_arn","captured_at");--> statement-breakpoint
CREATE INDEX "usage_events_client_id_period_kind_idx" ON "usage_events" USING btree ("client_id","period","kind");