// Which failed queries mean "the database could not be reached" (a 503 and a retry) and which are
// answers from a working database (a bug or bad input): real failures from a real Postgres and a
// closed port, and the shapes node-postgres reports a restart with.
import { createServer } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "../src/client";
import { isDatabaseUnavailable } from "../src/errors";
import { clients } from "../src/schema";
import { createClient, createTestDatabase, type TestDatabase } from "../src/testing";

async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    }),
  );
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const failureOf = (work: () => Promise<unknown>) =>
  work().then(
    () => {
      throw new Error("expected the query to fail");
    },
    (error: unknown) => error,
  );

let database: TestDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

describe("isDatabaseUnavailable", () => {
  it("is true for a query against a server that refuses connections", async () => {
    const down = createDatabase({ url: `postgres://postgres@127.0.0.1:${await closedPort()}/x` });
    const error = await failureOf(() => down.db.select().from(clients));
    await down.close();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("is false for errors a working server answers with", async () => {
    database = await createTestDatabase({ kind: "postgres" });
    const { db } = database.handle;
    const syntax = await failureOf(() => db.execute(sql`selec 1`));
    const existing = await createClient(db, { name: "Acme" });
    const duplicate = await failureOf(() => createClient(db, { id: existing.id, name: "Again" }));
    // A parameter that reads like an outage must not make a constraint failure one.
    const quoted = await failureOf(() =>
      createClient(db, { id: existing.id, name: "Connection terminated unexpectedly" }),
    );
    expect([syntax, duplicate, quoted].map(isDatabaseUnavailable)).toEqual([false, false, false]);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });

  it("is true for the shapes of a restart: admin shutdown, dropped socket, pool connect timeout", () => {
    const server = (code: string) => Object.assign(new Error(`server ${code}`), { code, severity: "FATAL" });
    const wrapped = (cause: unknown) =>
      Object.assign(new Error("Failed query: select 1"), { query: "select 1", params: [], cause });
    expect(isDatabaseUnavailable(wrapped(server("57P01")))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(server("08006")))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(new Error("Connection terminated unexpectedly")))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(wrapped(server("42P01")))).toBe(false);
  });
});
