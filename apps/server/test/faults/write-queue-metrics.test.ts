import { createDatabase } from "@tagc/db";
import { type QueuedWrite, WriteQueue } from "@tagc/services";
import { freePort } from "@tagc/testkit";
import { afterAll, expect, it } from "vitest";
import { createMetrics, watchWriteQueue } from "../../src/metrics";

const down = createDatabase({ url: `postgres://postgres@127.0.0.1:${await freePort()}/x` });
afterAll(() => down.close());

const row = (n: number): QueuedWrite => ({
  kind: "audit",
  row: {
    id: `evt_metrics${n}`,
    clientId: "cli_metrics",
    actor: "system",
    operation: "metrics.test",
    outcome: "ok",
    durationMs: 0,
    requestId: `metrics-${n}`,
  },
});

it("reports queued and dropped records", async () => {
  const writes = new WriteQueue({ db: down.db, max: 1, baseDelayMs: 60_000 });
  const metrics = createMetrics();
  watchWriteQueue(metrics, writes);
  expect(await writes.write(row(1))).toBe("queued");
  expect(await writes.write(row(2))).toBe("dropped");
  expect(await writes.write(row(3))).toBe("dropped");
  const text = await metrics.registry.metrics();
  expect(text).toMatch(/^tagc_write_queue_records 1$/m);
  expect(text).toMatch(/^tagc_write_queue_dropped_total 2$/m);
  writes.stop();
});
