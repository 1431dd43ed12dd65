// GET /v1/clients/{id}/schedules and DELETE /v1/clients/{id}/schedules/{scheduleId}: each tenant sees
// and cancels only its own schedules, errors use the one envelope, and both routes are admin-only.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ScheduleListSchema, ScheduleSchema } from "../../src/schemas/schedule";
import { KINDS } from "../harness";
import { expectError, notFoundClient } from "../support/expect-error";
import { useHarness } from "../support/use-harness";
import { createSchedule } from "./support";

type ScheduleBody = z.infer<typeof ScheduleSchema>;
type ScheduleList = z.infer<typeof ScheduleListSchema>;

const UNKNOWN_CLIENT = "cli_01jd3k7w9m2x4q8v6r5t0b1c2d";

describe.each(KINDS)("schedule routes (%s)", (kind) => {
  const harness = useHarness({ kind });

  it("lists a tenant's schedules and cancels one; the other tenant's list is its own", async () => {
    const h = harness();
    const acme = await createSchedule(h, h.acme.id, {
      schedule: "weekly",
      time: "09:00",
      timezone: "Europe/Paris",
      resource_types: ["ec2:instance"],
      recipients: ["finops@acme.example"],
      notification_format: "both",
    });
    const globex = await createSchedule(h, h.globex.id, {
      schedule: "monthly",
      time: "06:30",
      timezone: "UTC",
    });

    const listed = await h.request<ScheduleList>("GET", `/v1/clients/${h.acme.id}/schedules`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([
      {
        schedule_id: acme.schedule_id,
        schedule: "weekly",
        time: "09:00",
        timezone: "Europe/Paris",
        cron_expression: "0 9 * * 1",
        next_run: acme.next_run,
        last_run: null,
        resource_types: ["ec2:instance"],
        recipients: ["finops@acme.example"],
        notification_format: "both",
        deliver: { email: [], slack: null, teams: null, owners: null },
        status: "active",
        created_at: expect.any(String),
      },
    ]);
    expect(listed.text).not.toContain(globex.schedule_id);

    const cancelled = await h.request<ScheduleBody>(
      "DELETE",
      `/v1/clients/${h.acme.id}/schedules/${acme.schedule_id}`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ schedule_id: acme.schedule_id, status: "cancelled" });
    // Idempotent.
    const again = await h.request<ScheduleBody>(
      "DELETE",
      `/v1/clients/${h.acme.id}/schedules/${acme.schedule_id}`,
    );
    expect(again.body.status).toBe("cancelled");

    const other = await h.request<ScheduleList>("GET", `/v1/clients/${h.globex.id}/schedules`);
    expect(other.body.data.map((s) => [s.schedule_id, s.status])).toEqual([[globex.schedule_id, "active"]]);
  });

  it("the other tenant's schedule id under this tenant's path is a 404 and cancels nothing", async () => {
    const h = harness();
    const globex = await createSchedule(h, h.globex.id, {
      schedule: "daily",
      time: "07:00",
      timezone: "UTC",
    });
    const response = await h.request("DELETE", `/v1/clients/${h.acme.id}/schedules/${globex.schedule_id}`);
    expectError(response, {
      status: 404,
      code: "NOT_FOUND",
      message: `schedule ${globex.schedule_id} was not found`,
    });
    const listed = await h.request<ScheduleList>("GET", `/v1/clients/${h.globex.id}/schedules`);
    expect(listed.body.data.find((s) => s.schedule_id === globex.schedule_id)?.status).toBe("active");
  });

  it.each([
    ["GET", `/v1/clients/${UNKNOWN_CLIENT}/schedules`],
    ["DELETE", `/v1/clients/${UNKNOWN_CLIENT}/schedules/sch_01jd3k7w9m2x4q8v6r5t0b1c2d`],
  ])("%s on an unknown client is a 404", async (method, path) => {
    expectError(await harness().request(method, path), notFoundClient(UNKNOWN_CLIENT));
  });

  it("an over-long schedule id is refused, naming the field", async () => {
    const h = harness();
    const response = await h.request("DELETE", `/v1/clients/${h.acme.id}/schedules/${"s".repeat(65)}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain("scheduleId");
  });

  it.each([
    ["no token", null],
    ["a tenant API key", "tenant"],
  ] as const)("%s is refused on both routes", async (_, token) => {
    const h = harness();
    const bearer = token === "tenant" ? h.acme.apiKey : null;
    for (const [method, path] of [
      ["GET", `/v1/clients/${h.acme.id}/schedules`],
      ["DELETE", `/v1/clients/${h.acme.id}/schedules/sch_01jd3k7w9m2x4q8v6r5t0b1c2d`],
    ] as const) {
      const response = await h.request(method, path, { token: bearer });
      expect(response.status).toBe(401);
      expect((response.body as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    }
  });

  it("appears in the OpenAPI document under its operation ids", async () => {
    const doc = await harness().request<{ paths: Record<string, Record<string, { operationId: string }>> }>(
      "GET",
      "/v1/openapi.json",
      { token: null },
    );
    expect(doc.body.paths["/v1/clients/{id}/schedules"]?.get?.operationId).toBe("listSchedules");
    expect(doc.body.paths["/v1/clients/{id}/schedules/{scheduleId}"]?.delete?.operationId).toBe(
      "cancelSchedule",
    );
  });
});
