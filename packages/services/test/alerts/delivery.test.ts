// Issue 15, "must be true": a scheduled audit with e-mail, Slack and Teams targets delivers to local
// sinks (an SMTP server, two webhook endpoints), the numbers matching check_tag_compliance on the same
// account; the owner-routed digest gives each owner only their resources; a second tenant's schedule
// never carries the first's data; a failing webhook is retried with the queue's back-off and every
// attempt is visible through listDeliveries and the delivery observer (/metrics).
import { auditSchedules } from "@tagc/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AlertConfig } from "../../src/alerts/config";
import { listDeliveries } from "../../src/alerts/list-deliveries";
import { SmtpMailer } from "../../src/alerts/smtp-mailer";
import { listSchedules } from "../../src/schedules/list";
import { runTool } from "../../src/testing";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { scheduleComplianceAudit } from "../../src/tools/schedule-compliance-audit";
import { MINUTE, useJobsHarness } from "../jobs/harness";
import { type Mail, startSmtpSink, startWebhookSink } from "./sinks";

const START = new Date("2026-10-05T10:00:00Z");
const ACME_IDS = ["i-0acme000000000001", "i-0acme000000000002", "i-0acme000000000003", "acme-jobs-logs"];

type Card = {
  attachments: {
    contentType: string;
    content: { type: string; version: string; body: { text: string }[] };
  }[];
};
type Blocks = { text: string; blocks: { type: string; text?: { text: string } }[] };

describe("alerts to e-mail, Slack and Teams (postgres)", () => {
  const harness = useJobsHarness("postgres", { start: START });
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let hooks: Awaited<ReturnType<typeof startWebhookSink>>;
  let mailer: SmtpMailer;
  const events: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    hooks = await startWebhookSink();
    mailer = new SmtpMailer({ url: smtp.url, from: "alerts@tagc.test" });
    const alerts: AlertConfig = {
      // The sinks listen on loopback over http: the switch tests and local setups use.
      allowPrivateTargets: true,
      targetSecret: "delivery-test-alert-target-secret-0123456789",
      mailer,
      onDelivery: ({ channel, outcome }) => events.push(`${channel}:${outcome}`),
    };
    harness().services().alerts = alerts;
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
    await hooks?.close();
  });

  it("delivers each tenant's run to its own targets, routes the owner digest, and retries a failing webhook", async () => {
    const h = harness();
    const acmeCtx = await h.toolCtx(h.acme.id);
    const [acmeSchedule] = (
      await runTool(acmeCtx, scheduleComplianceAudit, {
        schedule: "weekly",
        time: "11:00",
        timezone: "UTC",
        deliver: {
          email: ["finops@acme.example"],
          slack: hooks.url("/slack/acme"),
          teams: hooks.url("/teams/acme"),
          owner_tag: "Owner",
          owners: {
            "batch@acme.example": "batch-team@acme.example",
            "web@acme.example": "web-team@acme.example",
          },
          fallback: "cloud@acme.example",
        },
      })
    ).schedules;
    await runTool(await h.toolCtx(h.globex.id), scheduleComplianceAudit, {
      schedule: "daily",
      time: "11:00",
      timezone: "UTC",
      deliver: { email: ["ops@globex.example"], slack: hooks.url("/slack/globex") },
    });

    // The webhook URLs are a credential: stored sealed, their paths nowhere in the row.
    const [stored] = await h.db
      .select()
      .from(auditSchedules)
      .where(eq(auditSchedules.id, acmeSchedule!.schedule_id));
    expect(stored!.delivery.slack).toMatch(/^sealed\.v1\.[\w-]+\.http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.stringify(stored!.delivery)).not.toContain("/slack/acme");
    expect(JSON.stringify(stored!.delivery)).not.toContain("/teams/acme");

    h.clock.set(new Date(START.getTime() + 61 * MINUTE));
    await h.main.tick();
    hooks.failNext("/slack/acme", 500);
    const first = await h.main.work();
    const outcomes = first.map((r) => `${r.job.kind}:${r.outcome}`).sort();
    // Acme: e-mail, Slack (500 → retry), Teams, batch's and the fallback's digests; Globex: e-mail, Slack.
    expect(outcomes).toEqual([
      ...Array(6).fill("deliver_alert:done"),
      "deliver_alert:retry",
      "scheduled_audit:done",
      "scheduled_audit:done",
    ]);

    // The numbers check_tag_compliance gives for the same account.
    const check = await runTool(acmeCtx, checkTagCompliance, { resource_types: ["all"] });
    const counts = `${check.compliant_resources} of ${check.total_resources} resources compliant; ${check.non_compliant_resources} non-compliant resources, ${check.violation_counts.total} violations.`;
    const score = `${((check.compliance_score ?? 0) * 100).toFixed(1)}%`;

    const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
    const [digest] = mailTo("finops@acme.example") as [Mail];
    expect(digest.from).toBe("alerts@tagc.test");
    expect(digest.subject).toBe(`Tag compliance for Acme: ${score} (weekly audit)`);
    expect(digest.text).toContain(counts);
    expect(digest.html).toContain("<li>i-0acme000000000002 (ec2:instance, us-east-1): ");

    const [teams] = hooks.bodiesAt("/teams/acme") as [Card];
    const card = teams.attachments[0]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(card.content.body.map((b) => b.text)).toEqual(expect.arrayContaining([counts]));

    // Owner routing: batch's team sees only the batch instance, the fallback only the untagged one,
    // and web's team, whose instance is compliant, gets nothing.
    const [batch] = mailTo("batch-team@acme.example") as [Mail];
    expect(batch.subject).toBe("Tag compliance for Acme (Owner batch@acme.example) (weekly audit)");
    expect(batch.text).toContain("i-0acme000000000002");
    for (const other of ACME_IDS.filter((id) => id !== "i-0acme000000000002"))
      expect(batch.text).not.toContain(other);
    const [fallback] = mailTo("cloud@acme.example") as [Mail];
    expect(fallback.text).toContain("i-0acme000000000003");
    for (const other of ACME_IDS.filter((id) => id !== "i-0acme000000000003"))
      expect(fallback.text).not.toContain(other);
    expect(mailTo("web-team@acme.example")).toHaveLength(0);

    // Globex's messages carry Globex's account only.
    const globexMessages = [...mailTo("ops@globex.example"), ...hooks.bodiesAt("/slack/globex")];
    expect(globexMessages).toHaveLength(2);
    for (const message of globexMessages) {
      expect(JSON.stringify(message)).toContain("Globex");
      expect(JSON.stringify(message).toLowerCase()).not.toContain("acme");
    }

    // The failed Slack delivery comes back after its back-off (30 s ± 10 %), alone.
    const retried = await h.main.work();
    expect(retried).toHaveLength(0);
    h.clock.advance(MINUTE);
    const second = await h.main.work();
    expect(second.map((r) => `${r.job.kind}:${r.outcome}`)).toEqual(["deliver_alert:done"]);
    const slack = hooks.bodiesAt("/slack/acme") as Blocks[];
    expect(slack).toHaveLength(2);
    expect(slack[1]!.text).toBe(`Tag compliance for Acme: ${score} (weekly audit). ${counts}`);
    expect(slack[1]!.blocks.map((b) => b.type)).toEqual(["header", "section", "section"]);

    // Every attempt is visible to the tenant, and only to it.
    const acmeDeliveries = (
      await listDeliveries({
        ctx: await h.clientCtx(h.acme.id),
        input: { scheduleId: acmeSchedule!.schedule_id },
      })
    ).data;
    const slackAttempts = acmeDeliveries
      .filter((d) => d.channel === "slack")
      .map((d) => [d.attempt, d.outcome, d.error]);
    expect(slackAttempts.sort()).toEqual([
      [1, "retry", "the webhook answered 500"],
      [2, "delivered", null],
    ]);
    expect(acmeDeliveries.map((d) => d.target)).toContain(
      "http://127.0.0.1:" + new URL(hooks.url("/")).port + "/…",
    );
    expect(JSON.stringify(acmeDeliveries)).not.toContain("/slack/acme");
    expect(acmeDeliveries.filter((d) => d.owner === "batch@acme.example").map((d) => d.target)).toEqual([
      "batch-team@acme.example",
    ]);
    const globexDeliveries = (await listDeliveries({ ctx: await h.clientCtx(h.globex.id) })).data;
    expect(globexDeliveries).toHaveLength(2);
    expect(JSON.stringify(globexDeliveries)).not.toContain("acme");
    await expect(
      listDeliveries({
        ctx: await h.clientCtx(h.globex.id),
        input: { scheduleId: acmeSchedule!.schedule_id },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(events.filter((e) => e === "slack:retry")).toHaveLength(1);
    expect(events.filter((e) => e === "slack:delivered")).toHaveLength(2);
    expect(events.filter((e) => e === "email:delivered")).toHaveLength(4);
    expect(events.filter((e) => e === "teams:delivered")).toHaveLength(1);

    // The schedule view names the targets and masks the webhooks.
    const [view] = (await listSchedules({ ctx: await h.clientCtx(h.acme.id) })).data;
    expect(view!.deliver).toMatchObject({ email: ["finops@acme.example"], owners: { tag: "Owner" } });
    expect(view!.deliver.slack).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…$/);
    expect(JSON.stringify(view)).not.toContain("/teams/acme");
  });
});
