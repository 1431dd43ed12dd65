// The worker's settings in the one env schema: defaults for the embedded default, and a bad value
// stops the process naming the variable.
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../src/env";
import { OPERATOR_ENV } from "../support/operator-env";

describe("worker environment", () => {
  it("defaults to a 02:00 UTC daily snapshot, the log notifier, two jobs at once", () => {
    const env = parseEnv({ ...OPERATOR_ENV });
    expect(env).toMatchObject({
      DAILY_SNAPSHOT_TIME: "02:00",
      WORKER_CONCURRENCY: 2,
      WORKER_INTERVAL_MS: 5_000,
    });
    expect(env.NOTIFY_WEBHOOK_URL).toBeUndefined();
  });

  it("reads the configured values", () => {
    const env = parseEnv({
      ...OPERATOR_ENV,
      DAILY_SNAPSHOT_TIME: "23:45",
      NOTIFY_WEBHOOK_URL: "https://relay.example/reports",
      WORKER_INTERVAL_MS: "250",
      WORKER_CONCURRENCY: "4",
    });
    expect(env).toMatchObject({
      DAILY_SNAPSHOT_TIME: "23:45",
      NOTIFY_WEBHOOK_URL: "https://relay.example/reports",
      WORKER_INTERVAL_MS: 250,
      WORKER_CONCURRENCY: 4,
    });
  });

  it.each([
    ["DAILY_SNAPSHOT_TIME", "2:00", "DAILY_SNAPSHOT_TIME: must be HH:MM (24-hour, UTC)"],
    ["DAILY_SNAPSHOT_TIME", "24:00", "DAILY_SNAPSHOT_TIME: must be HH:MM (24-hour, UTC)"],
    ["NOTIFY_WEBHOOK_URL", "not a url", "NOTIFY_WEBHOOK_URL:"],
    ["WORKER_CONCURRENCY", "0", "WORKER_CONCURRENCY:"],
    ["WORKER_INTERVAL_MS", "10", "WORKER_INTERVAL_MS:"],
  ])("%s=%s stops the process naming it", (name, value, message) => {
    expect(() => parseEnv({ ...OPERATOR_ENV, [name]: value })).toThrow(message);
  });
});
