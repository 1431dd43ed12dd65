// The per-tenant scan gauge: running and queued cold scans from the fair queue, only tenants with a
// scan now, the busiest 100 by name and the rest summed as "other" (a bounded label set).
import { ScanQueue } from "@tagc/services";
import { describe, expect, it } from "vitest";
import { createMetrics, SCAN_GAUGE_CLIENTS, watchScanLoad } from "../src/metrics";

describe("tagc_scans", () => {
  it("shows running and queued per tenant, bounded to the busiest 100 plus other", async () => {
    const metrics = createMetrics();
    const queue = new ScanQueue({ capacity: 1_000, perClient: 1 });
    watchScanLoad(metrics, queue);
    // cli_a has one running and two queued; 104 more tenants one running each.
    await queue.acquire("cli_a");
    void queue.acquire("cli_a");
    void queue.acquire("cli_a");
    const releases = [];
    for (let i = 0; i < 104; i++) releases.push(await queue.acquire(`cli_${String(i).padStart(3, "0")}`));

    const text = await metrics.registry.metrics();
    expect(text).toContain('tagc_scans{client="cli_a",state="running"} 1');
    expect(text).toContain('tagc_scans{client="cli_a",state="queued"} 2');
    const clients = new Set([...text.matchAll(/tagc_scans\{client="([^"]+)"/g)].map((m) => m[1]));
    expect(clients.size).toBe(SCAN_GAUGE_CLIENTS + 1);
    expect(clients.has("other")).toBe(true);
    // 105 tenants, 100 named: the other 5 are summed.
    expect(text).toContain('tagc_scans{client="other",state="running"} 5');
    // A tenant whose scans ended leaves the gauge.
    for (const release of releases) release();
    const after = await metrics.registry.metrics();
    expect(after).not.toContain('client="cli_000"');
    expect(after).not.toContain('client="other"');
    expect(after).toContain('tagc_scans{client="cli_a",state="queued"} 2');
  });
});
