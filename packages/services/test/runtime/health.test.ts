// The health tracker behind the Redis store and limiter: transitions reported once, and the breaker
// window after a failure.
import { describe, expect, it } from "vitest";
import { HealthTracker } from "../../src/cache/health";
import type { CacheHealth } from "../../src/cache/store";
import { manualClock } from "./fixtures";

describe("HealthTracker", () => {
  it("reports each transition once and skips the backend for breakMs after a failure", () => {
    const clock = manualClock();
    const reports: CacheHealth[] = [];
    const health = new HealthTracker({ listener: (h) => reports.push(h), breakMs: 1_000, now: clock.nowMs });
    expect(health.skipping).toBe(false);

    health.failed(new Error("connect ECONNREFUSED"));
    health.failed(new Error("again"));
    expect(health.degraded).toBe(true);
    expect(health.skipping).toBe(true);
    clock.advance(999);
    expect(health.skipping).toBe(true);
    clock.advance(1);
    // The breaker half-opens: the next command is tried, while the store still reports degraded.
    expect(health.skipping).toBe(false);
    expect(health.degraded).toBe(true);

    health.ok();
    health.ok();
    expect(health.degraded).toBe(false);
    expect(reports).toEqual([{ healthy: false, error: "connect ECONNREFUSED" }, { healthy: true }]);
  });

  it("survives a listener that throws", () => {
    const health = new HealthTracker({
      listener: () => {
        throw new Error("logger down");
      },
    });
    expect(() => health.failed(new Error("x"))).not.toThrow();
    expect(health.degraded).toBe(true);
  });
});
