// Summarises a V8 .cpuprofile (BENCH_SERVER_CPU_PROF): CPU per second of the run (to find a phase),
// then, within [from, to] seconds, the functions by self time and by inclusive time.
// Usage: tsx bench/profile-top.ts FILE [fromSeconds] [toSeconds] [rows]
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, fromArg, toArg, rowsArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, "utf8")) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
};
const rows = Number(rowsArg ?? 40);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => {
  const url = n.callFrame.url
    .replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, "")
    .replace(/^file:\/\/.*\/wt-[^/]+\//, "");
  return `${n.callFrame.functionName || "(anon)"} ${url}:${n.callFrame.lineNumber + 1}`;
};
let t = 0;
const perSecond = new Map<number, number>();
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const from = Number(fromArg ?? 0) * 1e6;
const to = toArg ? Number(toArg) * 1e6 : Number.POSITIVE_INFINITY;
let windowUs = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  t += dt;
  const node = byId.get(id)!;
  if (node.callFrame.functionName === "(idle)") return;
  const sec = Math.floor(t / 1e6);
  perSecond.set(sec, (perSecond.get(sec) ?? 0) + dt);
  if (t < from || t > to) return;
  windowUs += dt;
  self.set(label(node), (self.get(label(node)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
  }
});
console.log("CPU ms per second of the run:");
console.log([...perSecond].map(([s, us]) => `${s}:${(us / 1000).toFixed(0)}`).join(" "));
console.log(`\nwindow ${fromArg ?? 0}–${toArg ?? "end"} s: ${(windowUs / 1000).toFixed(0)} ms of CPU`);
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .map(
      ([l, us]) =>
        `${((us / windowUs) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${l}`,
    )
    .join("\n");
console.log("\nself:\n" + top(self));
console.log("\ninclusive:\n" + top(inclusive));
