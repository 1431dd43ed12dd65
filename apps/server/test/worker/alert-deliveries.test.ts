// A schedule's alert deliveries through the edge: GET …/schedules/{scheduleId}/deliveries lists every
// attempt (a failing Slack webhook, then its retry after the back-off) for its own tenant only, the
// schedule view masks the webhook URLs, and /metrics counts tagc_alert_deliveries_total by channel and
// outcome. The worker is the product's startWorker; the webhook a local HTTP sink.
import { TestClock } from "@tagc/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { startWebhookSink } from "../../../../packages/services/test/alerts/sinks";
import type { DeliveryListSchema, ScheduleListSchema } from "../../src/schemas/schedule";
import { expectError } from "../support/expect-error";
import { useHarness } from "../support/use-harness";
import { createSchedule, testWorker } from "./support";

type Deliveries = z.infer<typeof DeliveryListSchema>;
type Schedules = z.infer<typeof ScheduleListSchema>;

const START = new Date("2026-05-04T10:00:00Z");

describe("alert deliveries over REST and /metrics (postgres)", () => {
  const clock = new TestClock(START);
  // The sink listens on loopback over http: the switch tests and local setups use.
  const harness = useHarness({
    kind: "postgres",
    now: clock.now,
    env: { ALERT_ALLOW_PRIVATE_TARGETS: "true" },
  });
  let sink: Awaited<ReturnType<typeof startWebhookSink>>;
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    sink = await startWebhookSink();
  });
  afterAll(async () => {
    for (const step of cleanup) await step();
    await sink?.close();
  });

  it("shows each attempt to its tenant, masks the webhook and counts the outcomes", async () => {
    const h = harness();
    const acme = await createSchedule(h, h.acme.id, {
      schedule: "daily",
      time: "11:00",
      timezone: "UTC",
      resource_types: ["ec2:instance"],
      deliver: { slack: sink.url("/services/T1/B1/acme-token"), teams: sink.url("/teams/acme-token") },
    });
    const globex = await createSchedule(h, h.globex.id, {
      schedule: "daily",
      time: "11:00",
      timezone: "UTC",
      deliver: { slack: sink.url("/services/T2/B2/globex-token") },
    });
    const w = testWorker(h, clock.now, { id: "worker-alerts", metrics: h.deps.metrics, cleanup });
    sink.failNext("/services/T1/B1/acme-token", 503);
    clock.set(new Date("2026-05-04T11:00:30Z"));
    await w.worker.runOnce();
    clock.set(new Date("2026-05-04T11:02:00Z"));
    await w.worker.runOnce();
    expect(sink.bodiesAt("/services/T1/B1/acme-token")).toHaveLength(2);

    const listed = await h.request<Deliveries>(
      "GET",
      `/v1/clients/${h.acme.id}/schedules/${acme.schedule_id}/deliveries`,
    );
    expect(listed.status).toBe(200);
    const port = new URL(sink.url("/")).port;
    expect(listed.body.data.map((d) => [d.channel, d.attempt, d.outcome, d.target, d.error]).sort()).toEqual([
      ["slack", 1, "retry", `http://127.0.0.1:${port}/…`, "the webhook answered 503"],
      ["slack", 2, "delivered", `http://127.0.0.1:${port}/…`, null],
      ["teams", 1, "delivered", `http://127.0.0.1:${port}/…`, null],
    ]);
    expect(listed.text).not.toContain("token");

    const schedules = await h.request<Schedules>("GET", `/v1/clients/${h.acme.id}/schedules`);
    expect(schedules.body.data[0]?.deliver).toEqual({
      email: [],
      slack: `http://127.0.0.1:${port}/…`,
      teams: `http://127.0.0.1:${port}/…`,
      owners: null,
    });
    expect(schedules.text).not.toContain("acme-token");

    // The other tenant's deliveries are its own; its schedule id under Acme's path is not found.
    const theirs = await h.request<Deliveries>(
      "GET",
      `/v1/clients/${h.globex.id}/schedules/${globex.schedule_id}/deliveries`,
    );
    expect(theirs.body.data.map((d) => [d.channel, d.outcome])).toEqual([["slack", "delivered"]]);
    expectError(
      await h.request("GET", `/v1/clients/${h.acme.id}/schedules/${globex.schedule_id}/deliveries`),
      { status: 404, code: "NOT_FOUND", message: `schedule ${globex.schedule_id} was not found` },
    );
    const anonymous = await h.request(
      "GET",
      `/v1/clients/${h.acme.id}/schedules/${acme.schedule_id}/deliveries`,
      {
        token: null,
      },
    );
    expect(anonymous.status).toBe(401);

    const metrics = await h.request("GET", "/metrics", { token: null });
    expect(metrics.text).toContain('tagc_alert_deliveries_total{channel="slack",outcome="retry"} 1');
    expect(metrics.text).toContain('tagc_alert_deliveries_total{channel="slack",outcome="delivered"} 2');
    expect(metrics.text).toContain('tagc_alert_deliveries_total{channel="teams",outcome="delivered"} 1');
    expect(metrics.text).not.toContain("token");
  });
});
