-- Row-level security on every tenant table (every table with a client_id column), as a backstop
-- under the services layer's own client_id filters. Two identities:
--   tagc_app       the tenant path: services' scoped(ctx) switches to it for one transaction and
--                  sets app.client_id, so a query that forgets its filter sees only that tenant;
--   the migrator   (the DATABASE_URL user, owner of the tables) keeps an explicit policy that sees
--                  everything: cross-tenant work (admin listings, the job scheduler, sweeps) runs as it.
-- FORCE makes the owner subject to the policies too, so nothing is visible by ownership alone.
-- Roles are cluster-wide and test suites migrate many databases at once: creation tolerates a race.
DO $$
BEGIN
  CREATE ROLE tagc_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;--> statement-breakpoint
DO $$
BEGIN
  -- Needed to SET ROLE by a non-superuser owner; a superuser (tests) may switch to any role anyway.
  EXECUTE format('GRANT tagc_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO tagc_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tagc_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tagc_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tagc_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tagc_app;--> statement-breakpoint
DO $$
DECLARE
  tenant_table text;
BEGIN
  FOR tenant_table IN
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'client_id'
    ORDER BY table_name
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I TO tagc_app '
      'USING (client_id = current_setting(''app.client_id'', true)) '
      'WITH CHECK (client_id = current_setting(''app.client_id'', true))',
      tenant_table
    );
    EXECUTE format(
      'CREATE POLICY system_access ON %I TO %I USING (true) WITH CHECK (true)',
      tenant_table,
      current_user
    );
  END LOOP;
END
$$;
