// Test helpers for every package's tests: `import { createTestDatabase, createClient } from "@tagc/db/testing"`.
export {
  createTestDatabase,
  type DatabaseKind,
  type TestDatabase,
  type TestDatabaseOptions,
} from "./testkit/database";
export { DEFAULT_TEST_DATABASE_URL } from "./testkit/env";
export { createApiKey, createClient, createConnection } from "./testkit/factories";
