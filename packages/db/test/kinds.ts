import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type DatabaseKind, type TestDatabase } from "../src/testing";

/** Every database test runs on real Postgres and on PGlite: the same migrations and queries serve both. */
export const KINDS: DatabaseKind[] = ["postgres", "pglite"];

/** One migrated database for the enclosing describe block, dropped after it. */
export function useTestDatabase(kind: DatabaseKind): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase({ kind });
  });
  afterAll(async () => {
    await current?.drop();
  });
  return () => {
    if (!current) throw new Error("the test database is not ready");
    return current;
  };
}

/** The error a query failed with; fails the test when the query succeeded. */
export async function errorOf(query: PromiseLike<unknown>): Promise<unknown> {
  try {
    await query;
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail, but it succeeded");
}
