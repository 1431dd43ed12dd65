// A scheduled audit's report reaches its recipients through the configured notifier: the webhook gets
// the report as JSON in the schedule's format and is retried with back-off when it fails; the log
// notifier (the embedded default) logs the numbers, never the addresses or the report.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebhookNotifier } from "../../src/jobs/notify/webhook-notifier";
import type { JobDeps } from "../../src/jobs/types";
import { workJobs } from "../../src/jobs/work";
import { runTool } from "../../src/testing";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { MINUTE, useJobsHarness } from "./harness";

const START = new Date("2026-10-05T10:00:00Z");

/** A report relay: records each POST and answers the next queued status (200 when none is left). */
async function startRelay() {
  const received: { headers: IncomingMessage["headers"]; body: Record<string, unknown> }[] = [];
  const statuses: number[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(text) });
      res.writeHead(statuses.shift() ?? 200, { "content-type": "text/plain" });
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/reports`,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("report delivery (postgres)", () => {
  const harness = useJobsHarness("postgres", { start: START });
  let relay: Awaited<ReturnType<typeof startRelay>>;
  beforeAll(async () => {
    relay = await startRelay();
  });
  afterAll(async () => {
    await relay.close();
  });

  it("posts each tenant's report to the webhook in its format, retrying a failed delivery without re-scanning", async () => {
    const h = harness();
    const deps: JobDeps = { ...h.main.deps, notifier: new WebhookNotifier({ url: relay.url }) };
    const work = () => workJobs({ deps, workerId: "notifier-test" });
    await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, {
      schedule: "weekly",
      time: "11:00",
      timezone: "UTC",
      resource_types: ["ec2:instance"],
      recipients: ["finops@acme.example", "cto@acme.example"],
      notification_format: "both",
    });
    await runTool(await h.toolCtx(h.globex.id), scheduleComplianceAudit, {
      schedule: "daily",
      time: "11:00",
      timezone: "UTC",
      recipients: ["ops@globex.example"],
      notification_format: "slack",
    });
    h.clock.set(new Date(START.getTime() + HOUR_AND_A_MINUTE));
    await h.main.tick();
    relay.statuses.push(500);
    const first = await work();
    expect(first.map((r) => `${r.job.kind}:${r.outcome}`).sort()).toEqual([
      "scheduled_audit:done",
      "scheduled_audit:done",
      "send_report:done",
      "send_report:retry",
    ]);
    const scansBefore = h.sandbox.counters().by_operation["tag:GetResources"];

    // The failed delivery comes back after its back-off, alone: the account is not scanned again.
    h.clock.advance(MINUTE);
    const second = await work();
    expect(second.map((r) => `${r.job.kind}:${r.outcome}`)).toEqual(["send_report:done"]);
    expect(h.sandbox.counters().by_operation["tag:GetResources"]).toBe(scansBefore);
    expect(relay.received).toHaveLength(3);

    const delivered = relay.received.slice(1).map((r) => r.body);
    const acme = delivered.find((b) => b.client_id === h.acme.id)!;
    const globex = delivered.find((b) => b.client_id === h.globex.id)!;
    expect(relay.received[0]!.headers["content-type"]).toBe("application/json");
    expect(acme).toMatchObject({
      type: "compliance_report",
      client_name: "Acme",
      recipients: ["finops@acme.example", "cto@acme.example"],
      format: "both",
      run_at: "2026-10-05T11:00:00.000Z",
      summary: { data_quality: "complete" },
    });
    expect(acme.subject).toMatch(/^Tag compliance for Acme: \d+\.\d% \(weekly audit\)$/);
    expect((acme.email as { markdown: string }).markdown).toContain("# ");
    expect((acme.slack as { text: string }).text).toContain("resources compliant");
    // Slack only for Globex, and nothing of Acme's in its report.
    expect(globex).toMatchObject({ format: "slack", email: null, recipients: ["ops@globex.example"] });
    expect(JSON.stringify(globex)).not.toContain("acme");
  });

  it("the log notifier logs the numbers and how many recipients, never the addresses or the report", async () => {
    const h = harness();
    await runTool(await h.toolCtx(h.acme.id), scheduleComplianceAudit, {
      schedule: "daily",
      time: "12:00",
      timezone: "UTC",
      resource_types: ["ec2:instance"],
      recipients: ["finops@acme.example"],
    });
    h.clock.set(new Date(START.getTime() + 2 * HOUR_AND_A_MINUTE));
    await h.main.tick();
    await h.main.work();
    const [logged] = h.main.notifier.logged.filter((entry) => entry.client_id === h.acme.id);
    expect(logged).toMatchObject({ client_id: h.acme.id, recipients: 1, format: "email" });
    expect(JSON.stringify(logged)).not.toContain("finops@acme.example");
    expect(Object.keys(logged!)).not.toContain("email");
  });
});

const HOUR_AND_A_MINUTE = 61 * MINUTE;
