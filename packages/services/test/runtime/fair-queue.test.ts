// The fair cold-scan queue: a tenant never holds more than its limit, the process never more than its
// capacity, and freed slots go round-robin between the tenants waiting.
import { describe, expect, it } from "vitest";
import { type Release, ScanQueue } from "../../src/tools/scan/fair-queue";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("ScanQueue", () => {
  it("caps one tenant at its limit and leaves the rest of the capacity to others", async () => {
    const queue = new ScanQueue({ capacity: 4, perClient: 2 });
    const a = [queue.acquire("A"), queue.acquire("A"), queue.acquire("A"), queue.acquire("A")];
    const granted: string[] = [];
    a.forEach((p, i) => void p.then(() => granted.push(`A${i}`)));
    await tick();
    expect(granted).toEqual(["A0", "A1"]);
    expect(queue.load().get("A")).toEqual({ running: 2, queued: 2 });

    // B is served at once: A's queued scans do not take the free capacity.
    const b = await queue.acquire("B");
    expect(queue.load().get("B")).toEqual({ running: 1, queued: 0 });
    b();
    expect(queue.load().has("B")).toBe(false);
  });

  it("hands freed slots round-robin between the tenants waiting", async () => {
    const queue = new ScanQueue({ capacity: 1, perClient: 1 });
    const first = await queue.acquire("A");
    const order: string[] = [];
    const held: Release[] = [];
    const wait = (client: string) =>
      void queue.acquire(client).then((release) => {
        order.push(client);
        held.push(release);
      });
    // A queues three more before B and C queue one each.
    wait("A");
    wait("A");
    wait("A");
    wait("B");
    wait("C");
    first();
    for (let i = 0; i < 5; i++) {
      await tick();
      held.shift()?.();
    }
    await tick();
    expect(order).toEqual(["A", "B", "C", "A", "A"]);
    expect(queue.load().size).toBe(0);
  });

  it("says the scan is queued and how many wait, and a release twice frees one slot", async () => {
    const queue = new ScanQueue({ capacity: 2, perClient: 1 });
    const release = await queue.acquire("A");
    const heard: number[] = [];
    const next = queue.acquire("A", (waiting) => heard.push(waiting));
    void queue.acquire("A", (waiting) => heard.push(waiting));
    expect(heard).toEqual([0, 1]);
    release();
    release();
    await next;
    expect(queue.load().get("A")).toEqual({ running: 1, queued: 1 });
  });

  it("releases the slot when the work throws", async () => {
    const queue = new ScanQueue({ capacity: 1, perClient: 1 });
    await expect(
      queue.run("A", undefined, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(queue.load().size).toBe(0);
    expect(await queue.run("B", undefined, async () => "ran")).toBe("ran");
  });
});
