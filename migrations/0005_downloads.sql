CREATE TABLE "downloads" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"tool" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"body" text NOT NULL,
	"rows" integer NOT NULL,
	"bytes" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "downloads" ADD CONSTRAINT "downloads_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "downloads_client_id_expires_at_idx" ON "downloads" USING btree ("client_id","expires_at");