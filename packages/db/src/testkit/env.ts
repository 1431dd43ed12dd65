// The one place @tagc/db reads the environment, and only for tests: which Postgres server test
// databases are created on. Library code takes its configuration as arguments.
export const DEFAULT_TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}
