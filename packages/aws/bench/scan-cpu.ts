// Diagnostic: the client's CPU per warm discoverResources (the SDK path: signing, HTTP, parsing,
// listers), min and median over runs, against the sandbox in its own process.
// Run: cd packages/aws && npx tsx bench/scan-cpu.ts [runs] [resources] [latency]
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { acmeScope } from "./acme-scope";

const [runsArg = "8", resources = "10000", latency = "5"] = process.argv.slice(2);
// SANDBOX_URL: a sandbox already listening (bench/sandbox-process.ts ... all), e.g. under callgrind.
const child: ChildProcess | undefined = process.env.SANDBOX_URL
  ? undefined
  : spawn("npx", ["tsx", "bench/sandbox-process.ts", resources, "6", latency, "all"], {
      stdio: ["pipe", "pipe", "inherit"],
    });
const url =
  process.env.SANDBOX_URL ??
  (
    JSON.parse(
      await new Promise<string>((resolve) => {
        if (child?.stdout) createInterface({ input: child.stdout }).once("line", resolve);
      }),
    ) as { url: string }
  ).url;
const { broker, discoverAll } = await acmeScope(url);
const scan = async () => {
  const cpu = process.cpuUsage();
  const result = await discoverAll({
    // DEADLINE_MS: a longer scan deadline where the client runs slower than real (callgrind).
    ...(process.env.DEADLINE_MS ? { deadlineMs: Number(process.env.DEADLINE_MS) } : {}),
  });
  const used = process.cpuUsage(cpu);
  return {
    ms: (used.user + used.system) / 1000,
    calls: result.stats.api_calls,
    n: result.resources.length,
    status: result.data_quality.status,
  };
};
const first = await scan();
console.log(`first: ${first.ms.toFixed(0)} ms, ${first.calls} calls, ${first.n} resources, ${first.status}`);
const times: number[] = [];
for (let i = 0; i < Number(runsArg); i++) times.push((await scan()).ms);
times.sort((a, b) => a - b);
const med = times[Math.floor(times.length / 2)] ?? 0;
console.log(
  `again: min ${times[0]?.toFixed(0)} ms, median ${med.toFixed(0)} ms = ${(med / first.calls).toFixed(3)} ms per call; all ${times.map((t) => t.toFixed(0)).join(" ")}`,
);
broker.destroy();
child?.stdin?.end();
