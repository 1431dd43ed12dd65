// The circuit breaker's state machine on a hand-moved clock: each change reported once, one probe
// while half-open, and the connection's own events opening and closing it.
import { EventEmitter } from "node:events";
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { type BreakerChange, CircuitBreaker } from "../../src/cache/breaker";
import { manualClock } from "./fixtures";

function breakerWithLog(options: { failureThreshold?: number } = {}) {
  const clock = manualClock();
  const changes: BreakerChange[] = [];
  const breaker = new CircuitBreaker({ ...options, resetMs: 1_000, now: clock.nowMs });
  breaker.onChange((change) => changes.push(change));
  return { clock, changes, breaker };
}

describe("CircuitBreaker", () => {
  it("opens after the threshold of consecutive failures, and a success in between resets the count", () => {
    const { breaker, changes } = breakerWithLog({ failureThreshold: 3 });
    breaker.failure(new Error("timeout"));
    breaker.failure(new Error("timeout"));
    breaker.success();
    breaker.failure(new Error("timeout"));
    breaker.failure(new Error("timeout"));
    expect(breaker.state).toBe("closed");
    breaker.failure(new Error("no answer within 250 ms"));
    expect(breaker.state).toBe("open");
    expect(breaker.allow()).toBe(false);
    // More failures while open are not new changes.
    breaker.failure(new Error("again"));
    breaker.trip(new Error("again"));
    expect(changes).toEqual([{ state: "open", previous: "closed", error: "no answer within 250 ms" }]);
  });

  it("lets one probe through after resetMs; its failure reopens, its success closes", () => {
    const { breaker, changes, clock } = breakerWithLog();
    breaker.trip(new Error("ECONNREFUSED"));
    clock.advance(999);
    expect(breaker.allow()).toBe(false);
    clock.advance(1);
    expect(breaker.allow()).toBe(true);
    expect(breaker.state).toBe("half-open");
    // Everyone else answers from memory while the probe is out.
    expect(breaker.allow()).toBe(false);
    breaker.failure(new Error("ECONNREFUSED"));
    expect(breaker.state).toBe("open");
    clock.advance(1_000);
    expect(breaker.allow()).toBe(true);
    breaker.success();
    expect(breaker.state).toBe("closed");
    expect(breaker.allow()).toBe(true);
    expect(changes.map((c) => c.state)).toEqual(["open", "half-open", "open", "half-open", "closed"]);
  });

  it("follows the connection: a closed socket opens it, a ready one closes it", () => {
    const { breaker, changes } = breakerWithLog();
    const redis = Object.assign(new EventEmitter(), { status: "ready" });
    breaker.watch(redis as unknown as Redis);
    expect(breaker.state).toBe("closed");
    redis.emit("close");
    expect(breaker.state).toBe("open");
    redis.emit("ready");
    expect(breaker.state).toBe("closed");
    expect(changes).toEqual([
      { state: "open", previous: "closed", error: "connection to Redis closed" },
      { state: "closed", previous: "open" },
    ]);
  });

  it("starts open, silently, while its client is still connecting", () => {
    const { breaker, changes } = breakerWithLog();
    const redis = Object.assign(new EventEmitter(), { status: "connecting" });
    breaker.watch(redis as unknown as Redis);
    expect(breaker.state).toBe("open");
    expect(changes).toEqual([]);
    redis.emit("ready");
    expect(breaker.state).toBe("closed");
  });

  it("survives a throwing listener", () => {
    const breaker = new CircuitBreaker();
    breaker.onChange(() => {
      throw new Error("logger down");
    });
    expect(() => breaker.trip(new Error("x"))).not.toThrow();
    expect(breaker.state).toBe("open");
  });
});
