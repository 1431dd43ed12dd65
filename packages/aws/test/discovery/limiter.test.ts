// The region's call limiter: chains under way first, then first pages, then per-item calls.
import { describe, expect, it } from "vitest";
import { Limiter, type Priority } from "../../src/discovery/limiter";

describe("Limiter", () => {
  it("hands a freed slot to a chain under way, then to a first page, then to an item call", async () => {
    const limiter = new Limiter(1);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holding = limiter.run("page", () => held);
    const order: Priority[] = [];
    const queued = (["item", "page", "next", "item", "next"] as const).map((priority) =>
      limiter.run(priority, async () => void order.push(priority)),
    );
    release();
    await Promise.all([holding, ...queued]);
    expect(order).toEqual(["next", "next", "page", "item", "item"]);
  });

  it("never runs more tasks at once than it has slots", async () => {
    const limiter = new Limiter(2);
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
    };
    await Promise.all(
      (["next", "page", "item", "next", "page", "item"] as const).map((p) => limiter.run(p, task)),
    );
    expect(most).toBe(2);
  });
});
