// Which database failures are retried, and how the backoff grows.
import { describe, expect, it } from "vitest";
import { withRetry } from "../../src/metering/retry";
import { isTransientDbError } from "../../src/metering/transient";

const serverError = (code: string) => Object.assign(new Error(`server ${code}`), { code, severity: "ERROR" });

describe("isTransientDbError", () => {
  it.each([
    ["connection failure 08006", serverError("08006"), true],
    ["serialization failure 40001", serverError("40001"), true],
    ["deadlock 40P01", serverError("40P01"), true],
    ["too many connections 53300", serverError("53300"), true],
    ["admin shutdown 57P01 (a restart)", serverError("57P01"), true],
    [
      "socket reset, wrapped by drizzle",
      new Error("query failed", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) }),
      true,
    ],
    ["pool connect timeout", new Error("timeout exceeded when trying to connect"), true],
    ["unique violation 23505", serverError("23505"), false],
    ["check violation, wrapped", new Error("query failed", { cause: serverError("23514") }), false],
    ["syntax error 42601", serverError("42601"), false],
    ["a bug in our code", new TypeError("x is undefined"), false],
  ])("%s → %s", (_name, error, transient) => {
    expect(isTransientDbError(error)).toBe(transient);
  });
});

describe("withRetry", () => {
  it("retries until success with growing delays", async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 4) throw serverError("57P01");
        return "done";
      },
      { attempts: 4, baseDelayMs: 100, sleep: async (ms) => void delays.push(ms) },
    );
    expect(result).toBe("done");
    expect(calls).toBe(4);
    // Equal jitter: each delay lies in [d/2, d] for d = 100, 200, 400.
    expect(delays).toHaveLength(3);
    [100, 200, 400].forEach((d, i) => {
      expect(delays[i]).toBeGreaterThanOrEqual(d / 2);
      expect(delays[i]).toBeLessThanOrEqual(d);
    });
  });

  it("gives up after the attempts and rethrows the last failure", async () => {
    let calls = 0;
    const last = serverError("08006");
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw last;
        },
        { attempts: 3, sleep: async () => {} },
      ),
    ).rejects.toBe(last);
    expect(calls).toBe(3);
  });

  it("caps the delay at maxDelayMs", async () => {
    const delays: number[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls < 6) throw serverError("40001");
      },
      { attempts: 6, baseDelayMs: 1_000, maxDelayMs: 1_500, sleep: async (ms) => void delays.push(ms) },
    );
    expect(Math.max(...delays)).toBeLessThanOrEqual(1_500);
  });
});
