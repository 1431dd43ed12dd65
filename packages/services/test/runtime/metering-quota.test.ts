// checkResourceQuota on real Postgres and PGlite: tier limits, deterministic admission, already-counted
// resources free to rescan, and one tenant's usage never counted against another.
import { createClient } from "@tagc/db/testing";
import { describe, expect, it, vi } from "vitest";
import { checkResourceQuota } from "../../src/metering/check-quota";
import { recordScanUsage } from "../../src/metering/record";
import { arnsFor, DATABASE_KINDS, useTestDatabase } from "./database";

const JUNE = new Date("2025-06-15T10:00:00Z");
const scan = { tool: "check_tag_compliance", accountId: "111111111111", regions: ["eu-west-1"] };

// The package has no vitest config; a database test on a busy CI box needs more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

describe.each(DATABASE_KINDS)("checkResourceQuota on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("admits the first 1,000 of 1,200 new ARNs on Starter, in sorted order, and says so", async () => {
    const { db } = database().handle;
    const client = await createClient(db, { tier: "starter" });
    // Shuffled input: the admitted set must not depend on the order the scan found them in.
    const arns = arnsFor("s", 1_200).reverse();
    const quota = await checkResourceQuota({ db, client, now: JUNE, arns });
    const sorted = [...arns].sort();
    expect(quota).toMatchObject({
      period: "2025-06",
      limit: 1_000,
      used: 0,
      remaining: 1_000,
      skipped: 200,
      overQuota: true,
    });
    expect(quota.allowedArns).toEqual(sorted.slice(0, 1_000));
    expect(quota.message).toContain("Starter plan covers 1,000 unique resources per month");
    expect(quota.message).toContain("covers 1,000 of the 1,200 resources found; 200 were left out");
    expect(quota.message).toContain("results are partial");
    expect(quota.message).toContain("upgrade the plan");
    expect(quota.message).toContain("resets on 2025-07-01");
  });

  it("keeps rescanning counted ARNs free once the quota is used up", async () => {
    const { db } = database().handle;
    const client = await createClient(db, { tier: "starter" });
    const arns = arnsFor("r", 1_200);
    const first = await checkResourceQuota({ db, client, now: JUNE, arns });
    await recordScanUsage({
      db,
      clientId: client.id,
      now: JUNE,
      requestId: "req_1",
      ...scan,
      arns: first.allowedArns,
    });

    const again = await checkResourceQuota({ db, client, now: JUNE, arns });
    expect(again).toMatchObject({ used: 1_000, remaining: 0, skipped: 200, overQuota: true });
    expect(again.allowedArns).toEqual(first.allowedArns);
    expect(again.message).toContain("1,000 were already counted in 2025-06");

    const counted = await checkResourceQuota({ db, client, now: JUNE, arns: first.allowedArns.slice(0, 10) });
    expect(counted).toMatchObject({ remaining: 0, skipped: 0, overQuota: false });
    expect(counted.allowedArns).toHaveLength(10);
    expect(counted).not.toHaveProperty("message");
  });

  it("admits everything under the quota, and only what is left of it near the limit", async () => {
    const { db } = database().handle;
    const client = await createClient(db, { tier: "starter" });
    await recordScanUsage({
      db,
      clientId: client.id,
      now: JUNE,
      requestId: "req_990",
      ...scan,
      arns: arnsFor("u", 990),
    });
    const under = await checkResourceQuota({ db, client, now: JUNE, arns: arnsFor("v", 10) });
    expect(under).toMatchObject({ used: 990, remaining: 10, skipped: 0, overQuota: false });
    expect(under.allowedArns).toHaveLength(10);
    const over = await checkResourceQuota({ db, client, now: JUNE, arns: arnsFor("v", 11) });
    expect(over).toMatchObject({ remaining: 10, skipped: 1, overQuota: true });
    expect(over.allowedArns).toEqual(arnsFor("v", 10));
  });

  it("gives Professional 10,000 and Enterprise no limit", async () => {
    const { db } = database().handle;
    const pro = await createClient(db, { tier: "professional" });
    const enterprise = await createClient(db, { tier: "enterprise" });
    const arns = arnsFor("t", 1_200);
    expect(await checkResourceQuota({ db, client: pro, now: JUNE, arns })).toMatchObject({
      limit: 10_000,
      remaining: 10_000,
      overQuota: false,
    });
    await recordScanUsage({ db, clientId: enterprise.id, now: JUNE, requestId: "req_e", ...scan, arns });
    const unlimited = await checkResourceQuota({
      db,
      client: enterprise,
      now: JUNE,
      arns: arnsFor("w", 1_200),
    });
    expect(unlimited).toMatchObject({
      limit: null,
      used: 1_200,
      remaining: null,
      skipped: 0,
      overQuota: false,
    });
    expect(unlimited.allowedArns).toHaveLength(1_200);
  });

  it("never counts another tenant's usage, even of the same ARNs", async () => {
    const { db } = database().handle;
    const acme = await createClient(db, { tier: "starter" });
    const globex = await createClient(db, { tier: "starter" });
    const arns = arnsFor("x", 1_000);
    await recordScanUsage({ db, clientId: globex.id, now: JUNE, requestId: "req_g", ...scan, arns });

    const quota = await checkResourceQuota({ db, client: acme, now: JUNE, arns: arnsFor("x", 5) });
    expect(quota).toMatchObject({ used: 0, remaining: 1_000, overQuota: false });
    // Globex's rows do not make these ARNs "already counted" for Acme either.
    expect(await checkResourceQuota({ db, client: globex, now: JUNE, arns: arnsFor("y", 1) })).toMatchObject({
      used: 1_000,
      remaining: 0,
      overQuota: true,
      allowedArns: [],
    });
  });

  it("starts a new month with the full quota", async () => {
    const { db } = database().handle;
    const client = await createClient(db, { tier: "starter" });
    await recordScanUsage({
      db,
      clientId: client.id,
      now: JUNE,
      requestId: "req_m",
      ...scan,
      arns: arnsFor("m", 1_000),
    });
    const july = await checkResourceQuota({
      db,
      client,
      now: new Date("2025-07-02T00:00:00Z"),
      arns: arnsFor("m", 3),
    });
    expect(july).toMatchObject({ period: "2025-07", used: 0, remaining: 1_000, overQuota: false });
  });
});
