import { createTestDatabase, type DatabaseKind, type TestDatabase } from "@tagc/db/testing";
import { afterAll, beforeAll } from "vitest";

/** Metering runs on real Postgres and on PGlite (the embedded default): the same queries serve both. */
export const DATABASE_KINDS: DatabaseKind[] = ["postgres", "pglite"];

/** One migrated database for the enclosing describe block, dropped after it. */
export function useTestDatabase(kind: DatabaseKind): () => TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase({ kind });
  }, 60_000);
  afterAll(async () => {
    await current?.drop();
  }, 60_000);
  return () => {
    if (!current) throw new Error("the test database is not ready");
    return current;
  };
}

/** `count` distinct, realistic ARNs. */
export const arnsFor = (label: string, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `arn:aws:ec2:eu-west-1:111111111111:instance/i-${label}${String(i).padStart(6, "0")}`,
  );
