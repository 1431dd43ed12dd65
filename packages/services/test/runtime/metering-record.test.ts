// recordScanUsage on real Postgres and PGlite: one scan event per call, one resource event per unique
// ARN per client and month, retries and rescans never counted twice, and no tenant counted for another.
import { type Database, isId, usageEvents } from "@tagc/db";
import { createClient } from "@tagc/db/testing";
import { and, count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { UsageRecordError } from "../../src/metering/errors";
import { resourceIdempotencyKey } from "../../src/metering/keys";
import { recordScanUsage } from "../../src/metering/record";
import { arnsFor, DATABASE_KINDS, useTestDatabase } from "./database";

const JUNE = new Date("2025-06-15T10:00:00Z");
const noWait = { sleep: async () => {} };

async function counts(db: Database, clientId: string, period = "2025-06") {
  const rows = await db
    .select({ kind: usageEvents.kind, n: count() })
    .from(usageEvents)
    .where(and(eq(usageEvents.clientId, clientId), eq(usageEvents.period, period)))
    .groupBy(usageEvents.kind);
  const of = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { scan: of("scan"), resource: of("resource") };
}

// The package has no vitest config; a database test on a busy CI box needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

describe.each(DATABASE_KINDS)("recordScanUsage on %s", (kind) => {
  const database = useTestDatabase(kind);
  const base = {
    tool: "check_tag_compliance",
    accountId: "111111111111",
    regions: ["eu-west-1", "us-east-1"],
  };

  it("records one scan event and one resource event per unique ARN", async () => {
    const { db } = database().handle;
    const client = await createClient(db);
    const arns = arnsFor("a", 3);
    const result = await recordScanUsage({
      db,
      clientId: client.id,
      now: JUNE,
      requestId: "req_1",
      ...base,
      arns: [...arns, arns[0]!, ""],
    });
    expect(result).toEqual({ period: "2025-06", scanRecorded: true, resources: 3, newResources: 3 });
    expect(await counts(db, client.id)).toEqual({ scan: 1, resource: 3 });
    const [scan] = await db
      .select({ metadata: usageEvents.metadata })
      .from(usageEvents)
      .where(and(eq(usageEvents.clientId, client.id), eq(usageEvents.kind, "scan")));
    expect(scan?.metadata).toEqual({
      tool: "check_tag_compliance",
      account_id: "111111111111",
      regions: ["eu-west-1", "us-east-1"],
      resources: 3,
    });
  });

  it("counts nothing twice: a retried call adds nothing, a rescan adds a scan but no resources", async () => {
    const { db } = database().handle;
    const client = await createClient(db);
    const arns = arnsFor("b", 50);
    const input = { db, clientId: client.id, now: JUNE, requestId: "req_retry", ...base, arns };
    await recordScanUsage(input);
    expect(await recordScanUsage(input)).toMatchObject({ scanRecorded: false, newResources: 0 });
    const rescan = await recordScanUsage({
      ...input,
      requestId: "req_rescan",
      arns: [...arns, ...arnsFor("c", 5)],
    });
    expect(rescan).toMatchObject({ scanRecorded: true, resources: 55, newResources: 5 });
    expect(await counts(db, client.id)).toEqual({ scan: 2, resource: 55 });
  });

  it("counts the same ARNs for each tenant that scans them, and never one for the other", async () => {
    const { db } = database().handle;
    const acme = await createClient(db);
    const globex = await createClient(db);
    const shared = arnsFor("shared", 20);
    await recordScanUsage({ db, clientId: acme.id, now: JUNE, requestId: "req_same", ...base, arns: shared });
    const second = await recordScanUsage({
      db,
      clientId: globex.id,
      now: JUNE,
      requestId: "req_same",
      ...base,
      arns: shared.slice(0, 5),
    });
    expect(second).toMatchObject({ scanRecorded: true, newResources: 5 });
    expect(await counts(db, acme.id)).toEqual({ scan: 1, resource: 20 });
    expect(await counts(db, globex.id)).toEqual({ scan: 1, resource: 5 });
  });

  it("stores each ARN's own key under a well-formed id, for each tenant only its own rows", async () => {
    const { db } = database().handle;
    const acme = await createClient(db);
    const globex = await createClient(db);
    // In order (the short way through uniqueSortedArns) for one tenant, shuffled with a repeat for the other.
    const arns = arnsFor("keys", 30);
    const shuffled = [...arns.slice(15), ...arns.slice(0, 15), arns[3]!];
    await recordScanUsage({ db, clientId: acme.id, now: JUNE, requestId: "req_keys", ...base, arns });
    await recordScanUsage({
      db,
      clientId: globex.id,
      now: JUNE,
      requestId: "req_keys",
      ...base,
      arns: shuffled,
    });
    for (const client of [acme, globex]) {
      const rows = await db
        .select({ id: usageEvents.id, key: usageEvents.idempotencyKey, clientId: usageEvents.clientId })
        .from(usageEvents)
        .where(and(eq(usageEvents.clientId, client.id), eq(usageEvents.kind, "resource")));
      expect(rows.map((row) => row.key).sort()).toEqual(
        arns.map((arn) => resourceIdempotencyKey(client.id, "2025-06", arn)).sort(),
      );
      expect(rows.every((row) => isId("use", row.id) && row.clientId === client.id)).toBe(true);
      expect(new Set(rows.map((row) => row.id)).size).toBe(30);
    }
  });

  it("counts a resource again in a new month", async () => {
    const { db } = database().handle;
    const client = await createClient(db);
    const arns = arnsFor("d", 4);
    await recordScanUsage({ db, clientId: client.id, now: JUNE, requestId: "req_june", ...base, arns });
    const july = await recordScanUsage({
      db,
      clientId: client.id,
      now: new Date("2025-07-01T00:00:00Z"),
      requestId: "req_july",
      ...base,
      arns,
    });
    expect(july).toMatchObject({ period: "2025-07", newResources: 4 });
    expect(await counts(db, client.id, "2025-07")).toEqual({ scan: 1, resource: 4 });
    expect(await counts(db, client.id, "2025-06")).toEqual({ scan: 1, resource: 4 });
  });

  it("records a scan of 10,500 ARNs in chunks, and a rescan of them adds none", async () => {
    const { db } = database().handle;
    const client = await createClient(db);
    const arns = arnsFor("big", 10_500);
    const input = { db, clientId: client.id, now: JUNE, requestId: "req_big", ...base, arns };
    expect(await recordScanUsage(input)).toMatchObject({ resources: 10_500, newResources: 10_500 });
    expect(await recordScanUsage({ ...input, requestId: "req_big_2" })).toMatchObject({ newResources: 0 });
    expect(await counts(db, client.id)).toEqual({ scan: 2, resource: 10_500 });
  }, 60_000);

  it("retries a transient database failure and records everything once", async () => {
    const { db } = database().handle;
    const client = await createClient(db);
    // The scan insert fails once, then the first resource batch fails twice.
    const flaky = failingWrites(
      db,
      (call) => call === 1 || call === 3 || call === 4,
      () => Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
    );
    const result = await recordScanUsage({
      db: flaky.db,
      clientId: client.id,
      now: JUNE,
      requestId: "req_flaky",
      ...base,
      arns: arnsFor("e", 6_000),
      retry: noWait,
    });
    expect(flaky.failures()).toBe(3);
    expect(result).toMatchObject({ scanRecorded: true, newResources: 6_000 });
    expect(await counts(db, client.id)).toEqual({ scan: 1, resource: 6_000 });
  });

  it("surfaces a resource batch that keeps failing, and a retried call then records what is missing", async () => {
    const { db } = database().handle;
    const client = await createClient(db);
    const arns = arnsFor("g", 7_000);
    const input = { db, clientId: client.id, now: JUNE, requestId: "req_partial", ...base, arns };
    // Scan event and first batch of 5,000 succeed; the second batch never does.
    const failing = failingWrites(
      db,
      (call) => call >= 3,
      () => Object.assign(new Error("EPIPE"), { code: "EPIPE" }),
    );
    await expect(
      recordScanUsage({ ...input, db: failing.db, retry: { ...noWait, attempts: 2 } }),
    ).rejects.toBeInstanceOf(UsageRecordError);
    expect(await counts(db, client.id)).toEqual({ scan: 1, resource: 5_000 });
    expect(await recordScanUsage(input)).toMatchObject({ scanRecorded: false, newResources: 2_000 });
    expect(await counts(db, client.id)).toEqual({ scan: 1, resource: 7_000 });
  });

  it("surfaces a database that stays down as UsageRecordError after the retries", async () => {
    const { db } = database().handle;
    const client = await createClient(db);
    const down = failingWrites(
      db,
      () => true,
      () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    );
    const error = await recordScanUsage({
      db: down.db,
      clientId: client.id,
      now: JUNE,
      requestId: "req_down",
      ...base,
      arns: arnsFor("f", 3),
      retry: { ...noWait, attempts: 3 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageRecordError);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", details: { attempts: 3 } });
    expect(down.failures()).toBe(3);
  });

  it("does not retry an error that retrying cannot fix", async () => {
    const { db } = database().handle;
    const client = await createClient(db);
    const checkViolation = Object.assign(new Error("violates check constraint"), {
      code: "23514",
      severity: "ERROR",
    });
    const broken = failingWrites(
      db,
      () => true,
      () => checkViolation,
    );
    await expect(
      recordScanUsage({
        db: broken.db,
        clientId: client.id,
        now: JUNE,
        requestId: "req_bad",
        ...base,
        arns: [],
        retry: noWait,
      }),
    ).rejects.toBe(checkViolation);
    expect(broken.failures()).toBe(1);
  });
});

/**
 * The database with some of its writes (`insert` and `execute`, counted together from 1) failing with
 * `error()`, as during a Postgres restart.
 */
function failingWrites(db: Database, fails: (call: number) => boolean, error: () => Error) {
  let calls = 0;
  let failures = 0;
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "insert" && property !== "execute") return value;
      return (...args: unknown[]) => {
        calls += 1;
        if (fails(calls)) {
          failures += 1;
          throw error();
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { db: proxy, failures: () => failures };
}
