// Opening the database for a process: PostgreSQL when a URL is given, else the embedded PGlite under
// a data folder; migrations applied before anything else runs. The edge calls this and never drizzle.
import { createDatabase, type DatabaseHandle, migrate } from "@tagc/db";

export { CLIENT_STATUSES, CLIENT_TIERS } from "@tagc/db";

export interface OpenDatabaseOptions {
  /** PostgreSQL 15+; unset means PGlite in `dataDir`. */
  url?: string | undefined;
  dataDir: string;
  /** Where the SQL migrations are, when not the repository's /migrations (the Docker image). */
  migrationsDir?: string | undefined;
  onPoolError?: (error: Error) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const handle = createDatabase({
    url: options.url,
    dataDir: options.url ? undefined : options.dataDir,
    ...(options.onPoolError ? { onPoolError: options.onPoolError } : {}),
  });
  await migrate(handle, options.migrationsDir ? { migrationsFolder: options.migrationsDir } : {});
  return handle;
}
