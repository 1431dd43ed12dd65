// Policy sync: a client whose current policy was imported from AWS Organizations has it re-read daily
// through its own role; a new version is stored only when the converted policy changed.
import { taggingPolicies } from "@tagc/db";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { putPolicy } from "../../src/policy/put";
import { runTool } from "../../src/testing";
import { importAwsTagPolicy } from "../../src/tools/import-aws-tag-policy";
import { DAY, type JobsHarness, MINUTE, useJobsHarness } from "./harness";
import { ACME_TAG_POLICY_ID, acmeAccount, reshapeAccount } from "./world";

const START = new Date("2026-09-07T10:00:00Z");
// Policy sync runs with the health check, 30 minutes before the 02:00 UTC snapshot.
const syncTimeOn = (day: number) => new Date(START.getTime() + day * DAY - 8 * 60 * MINUTE - 29 * MINUTE);

const versions = (h: JobsHarness, clientId: string) =>
  h.db
    .select()
    .from(taggingPolicies)
    .where(eq(taggingPolicies.clientId, clientId))
    .orderBy(asc(taggingPolicies.version));

async function syncOn(h: JobsHarness, day: number) {
  h.clock.set(syncTimeOn(day));
  await h.main.tick();
  return (await h.main.work()).filter((r) => r.job.kind === "policy_sync");
}

describe("policy sync (postgres)", () => {
  const harness = useJobsHarness("postgres", { start: START });

  it("keeps a new version only when the organization's tag policy changed", async () => {
    const h = harness();
    const imported = await runTool(await h.toolCtx(h.acme.id), importAwsTagPolicy, {
      policy_id: ACME_TAG_POLICY_ID,
      apply: true,
    });
    expect(imported).toMatchObject({ applied: true, new_version: 2 });

    // Unchanged in AWS: the job runs, reads the policy through Acme's role, and stores nothing.
    const unchanged = await syncOn(h, 1);
    expect(unchanged.map((r) => [r.job.clientId, r.outcome])).toEqual([[h.acme.id, "done"]]);
    const [firstJob] = (await h.jobsOf(h.acme.id)).filter((j) => j.kind === "policy_sync");
    expect(firstJob?.result).toEqual({ changed: false, version: 2 });
    expect((await versions(h, h.acme.id)).map((v) => v.version)).toEqual([1, 2]);

    // The organization's administrators add a cost center: the next day's sync stores version 3.
    reshapeAccount(h.sandbox, acmeAccount(undefined, ["Engineering", "Sales", "Marketing"]));
    const changed = await syncOn(h, 2);
    expect(changed.map((r) => r.outcome)).toEqual(["done"]);
    const stored = await versions(h, h.acme.id);
    expect(stored.map((v) => [v.version, v.source, v.sourceRef])).toEqual([
      [1, "default", null],
      [2, "imported", ACME_TAG_POLICY_ID],
      [3, "imported", ACME_TAG_POLICY_ID],
    ]);
    const required = (stored[2]!.document.required_tags as { name: string; allowed_values: string[] }[])[0];
    expect(required).toMatchObject({
      name: "CostCenter",
      allowed_values: ["Engineering", "Sales", "Marketing"],
    });

    // Unchanged again: still three versions.
    await syncOn(h, 3);
    expect((await versions(h, h.acme.id)).map((v) => v.version)).toEqual([1, 2, 3]);

    // Globex never imported a policy: it gets no sync job at all, and keeps its one version.
    expect((await h.jobsOf(h.globex.id)).filter((j) => j.kind === "policy_sync")).toEqual([]);
    expect((await versions(h, h.globex.id)).map((v) => [v.version, v.source])).toEqual([[1, "default"]]);
  });

  it("stops once the client uploads a policy of its own", async () => {
    const h = harness();
    await putPolicy({
      ctx: await h.clientCtx(h.acme.id),
      input: { document: (await versions(h, h.acme.id)).at(-1)!.document, source: "uploaded" },
    });
    reshapeAccount(h.sandbox, acmeAccount(undefined, ["Engineering"]));
    const runs = await syncOn(h, 4);
    expect(runs).toEqual([]);
    expect((await versions(h, h.acme.id)).map((v) => [v.version, v.source])).toEqual([
      [1, "default"],
      [2, "imported"],
      [3, "imported"],
      [4, "uploaded"],
    ]);
  });
});
