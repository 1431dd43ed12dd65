// The cold-scan pacer: cold scans' AWS calls run unbounded while nobody else is in flight, and at most
// `busyCalls` at once while a call that is not in a cold discovery is; a call's own cold discovery
// does not count as foreground, so a tenant alone is never paced by its own scans.
import { describe, expect, it } from "vitest";
import { ScanPacer } from "../../src/tools/scan/pacer";

const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LINGER_MS = 30;

/** Starts `n` gated calls that each wait for `done`; returns how many are running. */
function startCalls(pacer: ScanPacer, n: number) {
  let running = 0;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const all = Array.from({ length: n }, () =>
    pacer.run(async () => {
      running += 1;
      await done;
      running -= 1;
    }),
  );
  return { running: () => running, finish, all: Promise.all(all) };
}

describe("ScanPacer", () => {
  it("paces again when a call comes in during the linger", async () => {
    const pacer = new ScanPacer(1, LINGER_MS);
    pacer.enter("first")();
    await sleep(LINGER_MS / 3);
    const leave = pacer.enter("second");
    await sleep(LINGER_MS * 2);
    const calls = startCalls(pacer, 5);
    await tick();
    expect(calls.running()).toBe(1);
    leave();
    await sleep(LINGER_MS * 3);
    expect(calls.running()).toBe(5);
    calls.finish();
    await calls.all;
  });

  it("lets cold-scan calls run unbounded while no other call is in flight", async () => {
    const pacer = new ScanPacer(2);
    const calls = startCalls(pacer, 50);
    await tick();
    expect(calls.running()).toBe(50);
    calls.finish();
    await calls.all;
  });

  it("holds them to busyCalls while a foreground call is in flight, and opens up after the linger", async () => {
    const pacer = new ScanPacer(2, LINGER_MS);
    const leave = pacer.enter("warm-call");
    const calls = startCalls(pacer, 10);
    await tick();
    expect(calls.running()).toBe(2);
    leave();
    // A busy client's next call is usually on its way: still paced just after the call ended.
    await tick();
    expect(calls.running()).toBe(2);
    await sleep(LINGER_MS * 3);
    expect(calls.running()).toBe(10);
    // Leaving twice changes nothing.
    leave();
    calls.finish();
    await calls.all;
  });

  it("passes a freed permit to the next waiting call, never more than busyCalls at once", async () => {
    const pacer = new ScanPacer(3);
    const leave = pacer.enter("warm-call");
    let running = 0;
    let peak = 0;
    let completed = 0;
    await Promise.all(
      Array.from({ length: 30 }, () =>
        pacer.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await tick();
          running -= 1;
          completed += 1;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(completed).toBe(30);
    leave();
  });

  it("does not count a call inside its own cold discovery as foreground", async () => {
    const pacer = new ScanPacer(1, LINGER_MS);
    const leave = pacer.enter("cold-call");
    let calls: ReturnType<typeof startCalls> | undefined;
    await pacer.background("cold-call", async () => {
      // Two discoveries of the same call (two accounts): still one call, still not foreground.
      await pacer.background("cold-call", async () => {
        calls = startCalls(pacer, 6);
        await tick();
        expect(calls.running()).toBe(6);
      });
      calls!.finish();
      await calls!.all;
    });
    // Back from its discovery (metering, analysis): foreground again, so others' scans are paced.
    const after = startCalls(pacer, 4);
    await tick();
    expect(after.running()).toBe(1);
    leave();
    await sleep(LINGER_MS * 3);
    expect(after.running()).toBe(4);
    after.finish();
    await after.all;
  });

  it("refuses a limit below one call", () => {
    expect(() => new ScanPacer(0)).toThrow(/busyCalls/);
  });
});
