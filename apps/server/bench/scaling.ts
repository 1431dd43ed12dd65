// The scaling table: one cold check_tag_compliance(["all"]) per account size, each in a fresh server
// process (so its peak RSS is that scan's), with the server's own scan deadline and no foreground
// budget (one call waits for the whole scan).
import { type ColdFigures, measureCold } from "./cold";
import { connect } from "./mcp-client";
import { spawnServer } from "./server-child";

export const SCAN_DEADLINE_MS = 600_000;

export async function coldAt(size: number, regions: number, latencyMs: number): Promise<ColdFigures> {
  const server = await spawnServer({
    resources: size,
    regions,
    latencyMs,
    keys: 1,
    deadlineMs: SCAN_DEADLINE_MS,
  });
  try {
    const client = await connect(server.url, server.keys[0]!);
    const figures = await measureCold(server, client, latencyMs);
    await client.close();
    return figures;
  } finally {
    await server.close();
  }
}

const MiB = 1024 * 1024;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** CPU per 1,000 resources between this size and the one before: the fixed start-up share drops out. */
const marginal = (previous: ColdFigures | undefined, r: ColdFigures) =>
  previous && r.discovered > previous.discovered
    ? `${(((r.cpuMs - previous.cpuMs) / (r.discovered - previous.discovered)) * 1000).toFixed(0)} ms`
    : "-";

export function scalingTable(rows: [number, ColdFigures][]) {
  const head = [
    "resources",
    "cold wall",
    "floor",
    "ratio",
    "server CPU",
    "CPU / 1k res.",
    "Δ CPU / 1k res.",
    "sandbox CPU",
    "peak RSS",
    "RSS before scan",
  ];
  const body = rows.map(([size, r], i) => [
    size.toLocaleString("en-US"),
    s(r.wallMs),
    s(r.floorMs),
    `${(r.wallMs / r.floorMs).toFixed(2)}×`,
    s(r.cpuMs),
    `${((r.cpuMs / r.discovered) * 1000).toFixed(0)} ms`,
    marginal(rows[i - 1]?.[1], r),
    s(r.sandboxCpuMs),
    `${(r.peakRss / MiB).toFixed(0)} MiB`,
    `${(r.startRss / MiB).toFixed(0)} MiB`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  return [head, ...body].map((row) => row.map((cell, i) => cell.padStart(widths[i]!)).join("  ")).join("\n");
}
