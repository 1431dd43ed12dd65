// The queue itself, on Postgres and on PGlite (the embedded default): dedupe, claims that never hand one
// row to two workers, leases that fence out a worker that lost its job, back-off, final failure, and
// release on shutdown. send_report jobs stand in for any kind: their handler only calls the notifier.
import { type Job, jobs } from "@tagc/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { retryDelayMs } from "../../src/jobs/queue/backoff";
import { claimJobs } from "../../src/jobs/queue/claim";
import { completeJob } from "../../src/jobs/queue/complete";
import { enqueueJobs } from "../../src/jobs/queue/enqueue";
import { releaseJob } from "../../src/jobs/queue/release";
import { runJob } from "../../src/jobs/run";
import type { JobDeps } from "../../src/jobs/types";
import { type JobsHarness, MINUTE, useJobsHarness } from "./harness";

const report = (clientId: string, key: string) => ({
  clientId,
  kind: "send_report" as const,
  payload: { schedule_id: key, recipients: ["finops@example.test"], client_id: clientId },
  dedupeKey: `send_report:${key}`,
});

const LEASE = 5 * MINUTE;

async function row(h: JobsHarness, id: string): Promise<Job> {
  const [found] = await h.db.select().from(jobs).where(eq(jobs.id, id));
  if (!found) throw new Error(`job ${id} not found`);
  return found;
}

async function idOf(h: JobsHarness, dedupeKey: string): Promise<string> {
  const [found] = await h.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.dedupeKey, dedupeKey));
  if (!found) throw new Error(`no job ${dedupeKey}`);
  return found.id;
}

/** JobDeps whose notifier fails the first `failures` sends. */
function flakyDeps(h: JobsHarness, failures: number): JobDeps & { sent: number } {
  let calls = 0;
  const deps = {
    ...h.main.deps,
    sent: 0,
    notifier: {
      kind: "flaky",
      async send() {
        calls += 1;
        if (calls <= failures) throw new Error("relay unavailable");
        deps.sent += 1;
      },
    },
  };
  return deps;
}

describe.each(["postgres", "pglite"] as const)("the job queue on %s", (kind) => {
  const harness = useJobsHarness(kind);

  it("enqueues a dedupe key once, however many times and from wherever it is enqueued", async () => {
    const h = harness();
    const other = h.replica("other");
    const entry = { ...report(h.acme.id, "dedupe"), runAt: h.clock.now() };
    const inserted = await Promise.all([
      enqueueJobs(h.db, [entry]),
      enqueueJobs(other.deps.services.db, [entry]),
      enqueueJobs(h.db, [entry, { ...report(h.globex.id, "dedupe-globex"), runAt: h.clock.now() }]),
    ]);
    expect(inserted.flat()).toHaveLength(2);
    expect((await h.jobsOf(h.acme.id)).filter((j) => j.dedupeKey === "send_report:dedupe")).toHaveLength(1);
    // Claimed and run, they are gone from the queue for everyone.
    expect((await h.main.work()).map((r) => r.outcome)).toEqual(["done", "done"]);
    expect(await enqueueJobs(h.db, [entry])).toEqual([]);
  });

  it("hands each due job to exactly one of many concurrent claimers, and none before its time", async () => {
    const h = harness();
    const now = h.clock.now();
    await enqueueJobs(h.db, [
      ...Array.from({ length: 12 }, (_, i) => ({
        ...report(i % 2 ? h.acme.id : h.globex.id, `many-${i}`),
        runAt: now,
      })),
      { ...report(h.acme.id, "later"), runAt: new Date(now.getTime() + MINUTE) },
    ]);
    const dbs = [h.db, h.replica("claimer-b").deps.services.db];
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        claimJobs({ db: dbs[i % 2]!, workerId: `claimer-${i}`, now, leaseMs: LEASE, limit: 3 }),
      ),
    );
    const ids = claims.flat().map((j) => j.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    for (const [i, claimed] of claims.entries()) {
      for (const job of claimed)
        expect(job).toMatchObject({ status: "running", lockedBy: `claimer-${i}`, attempts: 1 });
    }
    // Not due yet, and the running ones are leased: nothing more to claim.
    expect(await claimJobs({ db: h.db, workerId: "late", now, leaseMs: LEASE, limit: 10 })).toEqual([]);
    for (const [i, claimed] of claims.entries()) {
      for (const job of claimed) {
        expect(await completeJob({ db: h.db, job, workerId: `claimer-${i}`, now, result: {} })).toBe(true);
      }
    }
    h.clock.advance(MINUTE);
    expect((await h.main.work()).map((r) => r.job.dedupeKey)).toEqual(["send_report:later"]);
  });

  it("fences out a worker whose lease ran out: its completion writes nothing once another took over", async () => {
    const h = harness();
    const now = h.clock.now();
    const [id] = await enqueueJobs(h.db, [{ ...report(h.acme.id, "fenced"), runAt: now }]);
    const [slow] = await claimJobs({ db: h.db, workerId: "slow", now, leaseMs: LEASE });
    expect(slow?.id).toBe(id);
    const later = new Date(now.getTime() + LEASE + 1);
    const [taken] = await claimJobs({ db: h.db, workerId: "fast", now: later, leaseMs: LEASE });
    expect(taken).toMatchObject({
      id,
      attempts: 2,
      lockedBy: "fast",
      lastError: "the lease of slow expired",
    });
    let wrote = false;
    const late = await completeJob({
      db: h.db,
      job: slow!,
      workerId: "slow",
      now: later,
      result: { from: "slow" },
      write: async () => {
        wrote = true;
      },
    });
    expect(late).toBe(false);
    expect(wrote).toBe(false);
    expect(
      await completeJob({ db: h.db, job: taken!, workerId: "fast", now: later, result: { from: "fast" } }),
    ).toBe(true);
    expect(await row(h, id!)).toMatchObject({ status: "done", result: { from: "fast" }, lockedBy: null });
  });

  it("retries a failing job with exponential back-off, then succeeds; a job failing every time fails for good", async () => {
    const h = harness();
    const claimAndRun = async (id: string, deps: JobDeps) => {
      const [job] = await claimJobs({
        db: h.db,
        workerId: "w",
        now: h.clock.now(),
        leaseMs: LEASE,
        limit: 1,
      });
      expect(job?.id).toBe(id);
      return runJob(deps, job!, "w");
    };

    await enqueueJobs(h.db, [{ ...report(h.acme.id, "flaky"), runAt: h.clock.now(), maxAttempts: 3 }]);
    // By key: `returning` promises no order.
    const flakyId = await idOf(h, "send_report:flaky");
    const flaky = flakyDeps(h, 2);
    expect((await claimAndRun(flakyId, flaky)).outcome).toBe("retry");
    let current = await row(h, flakyId);
    expect(current).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "Error: relay unavailable",
      lockedBy: null,
    });
    const first = current.runAt.getTime() - h.clock.now().getTime();
    expect(first).toBe(retryDelayMs(1, flakyId));
    expect(first).toBeGreaterThanOrEqual(27_000);
    expect(first).toBeLessThanOrEqual(33_000);
    // Nothing is due until the back-off has passed.
    h.clock.set(new Date(current.runAt.getTime() - 1));
    expect(await claimJobs({ db: h.db, workerId: "w", now: h.clock.now(), leaseMs: LEASE })).toEqual([]);

    h.clock.set(current.runAt);
    expect((await claimAndRun(flakyId, flaky)).outcome).toBe("retry");
    current = await row(h, flakyId);
    const second = current.runAt.getTime() - h.clock.now().getTime();
    expect(second).toBe(retryDelayMs(2, flakyId));
    expect(second).toBeGreaterThanOrEqual(54_000);
    expect(second).toBeLessThanOrEqual(66_000);

    h.clock.set(current.runAt);
    expect((await claimAndRun(flakyId, flaky)).outcome).toBe("done");
    expect(await row(h, flakyId)).toMatchObject({
      status: "done",
      attempts: 3,
      result: { notifier: "flaky", recipients: 1 },
    });
    expect(flaky.sent).toBe(1);

    await enqueueJobs(h.db, [{ ...report(h.globex.id, "broken"), runAt: h.clock.now(), maxAttempts: 2 }]);
    const brokenId = await idOf(h, "send_report:broken");
    const broken = flakyDeps(h, Number.POSITIVE_INFINITY);
    expect((await claimAndRun(brokenId, broken)).outcome).toBe("retry");
    h.clock.set((await row(h, brokenId)).runAt);
    expect((await claimAndRun(brokenId, broken)).outcome).toBe("failed");
    expect(await row(h, brokenId)).toMatchObject({
      status: "failed",
      attempts: 2,
      lastError: "Error: relay unavailable",
      finishedAt: h.clock.now(),
    });
    expect(broken.sent).toBe(0);
    // Failed for good: never claimed again.
    h.clock.advance(24 * 60 * MINUTE);
    expect(await claimJobs({ db: h.db, workerId: "w", now: h.clock.now(), leaseMs: LEASE })).toEqual([]);
  });

  it("fails a job whose worker died on its last attempt instead of handing it out again", async () => {
    const h = harness();
    const now = h.clock.now();
    const [id] = await enqueueJobs(h.db, [{ ...report(h.acme.id, "deadly"), runAt: now, maxAttempts: 1 }]);
    await claimJobs({ db: h.db, workerId: "doomed", now, leaseMs: LEASE });
    const later = new Date(now.getTime() + LEASE + 1);
    expect(await claimJobs({ db: h.db, workerId: "next", now: later, leaseMs: LEASE })).toEqual([]);
    expect(await row(h, id!)).toMatchObject({
      status: "failed",
      attempts: 1,
      lockedBy: null,
      lastError: "abandoned: the lease of doomed expired on the last attempt",
    });
  });

  it("releases a job on shutdown without counting the attempt; the stopped worker can no longer complete it", async () => {
    const h = harness();
    const now = h.clock.now();
    const [id] = await enqueueJobs(h.db, [{ ...report(h.globex.id, "released"), runAt: now }]);
    const [job] = await claimJobs({ db: h.db, workerId: "stopping", now, leaseMs: LEASE });
    expect(await releaseJob(h.db, job!, "stopping")).toBe(true);
    expect(await row(h, id!)).toMatchObject({
      status: "queued",
      attempts: 0,
      lockedBy: null,
      lockedUntil: null,
    });
    expect(await completeJob({ db: h.db, job: job!, workerId: "stopping", now, result: {} })).toBe(false);
    // Another worker takes it at once, as a first attempt.
    const [again] = await claimJobs({ db: h.db, workerId: "next", now, leaseMs: LEASE });
    expect(again).toMatchObject({ id, attempts: 1, lockedBy: "next" });
    expect(await releaseJob(h.db, again!, "someone-else")).toBe(false);
    expect(await completeJob({ db: h.db, job: again!, workerId: "next", now, result: {} })).toBe(true);
  });
});
