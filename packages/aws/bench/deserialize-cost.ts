// Diagnostic: the SDK's response deserialization per operation output over warm discoverResources
// runs (XML: parse + schema walk; JSON: parse + schema walk), to find the pages worth projecting.
// Wraps the deserializers' read; the sandbox runs in its own process. The figures are wall time of
// (mostly synchronous) reads, GC pauses included: on a loaded machine they run high, so compare
// operations within one run, or runs under the same load, not against process.cpuUsage figures.
// Run: cd packages/aws && npx tsx bench/deserialize-cost.ts [runs] [resources]
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";
import { acmeScope } from "./acme-scope";

const [runsArg = "4", resources = "10000"] = process.argv.slice(2);
const fromClient = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-ec2"));
const stats = new Map<string, { ms: number; bytes: number; calls: number }>();
const nameOf = (schema: unknown): string => {
  const s = schema as { getName?: () => string; name?: string } | unknown[];
  if (Array.isArray(s)) return String(s[2]);
  return (s as { getName?: () => string }).getName?.() ?? String((s as { name?: string }).name);
};
const wrap = (proto: { read: (...args: unknown[]) => unknown }, kind: string) => {
  const read = proto.read;
  proto.read = function (this: unknown, ...args: unknown[]) {
    const start = process.hrtime.bigint();
    const done = (value: unknown) => {
      const key = `${kind} ${nameOf(args[0])}`;
      const entry = stats.get(key) ?? { ms: 0, bytes: 0, calls: 0 };
      entry.ms += Number(process.hrtime.bigint() - start) / 1e6;
      entry.bytes += (args[1] as { byteLength?: number; length?: number })?.byteLength ?? 0;
      entry.calls++;
      stats.set(key, entry);
      return value;
    };
    const out = read.apply(this, args);
    return out instanceof Promise ? out.then(done) : done(out);
  };
};
const awsCore = fromClient("@aws-sdk/core/protocols") as Record<string, { prototype: never }>;
wrap(awsCore.XmlShapeDeserializer!.prototype, "xml");
const smithyRequire = createRequire(fromClient.resolve("@aws-sdk/core/protocols"));
const smithy = smithyRequire("@smithy/core/protocols") as Record<string, { prototype: never }>;
wrap(smithy.JsonShapeDeserializer2!.prototype, "json");
if (awsCore.JsonShapeDeserializer2 !== smithy.JsonShapeDeserializer2)
  wrap(awsCore.JsonShapeDeserializer2!.prototype, "json'");

const child: ChildProcess = spawn("npx", ["tsx", "bench/sandbox-process.ts", resources, "6", "0", "all"], {
  stdio: ["pipe", "pipe", "inherit"],
});
const { url } = JSON.parse(
  await new Promise<string>((resolve) => {
    if (child.stdout) createInterface({ input: child.stdout }).once("line", resolve);
  }),
) as { url: string };
const { broker, discoverAll } = await acmeScope(url);
const scan = () => discoverAll();
await scan();
stats.clear();
let total = 0;
const runs = Number(runsArg);
for (let i = 0; i < runs; i++) {
  const cpu = process.cpuUsage();
  await scan();
  const used = process.cpuUsage(cpu);
  total += (used.user + used.system) / 1000;
}
const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms);
const sum = rows.reduce((s, [, v]) => s + v.ms, 0);
console.log(
  `scan CPU ${(total / runs).toFixed(0)} ms; deserialization ${(sum / runs).toFixed(0)} ms per scan`,
);
for (const [key, v] of rows.slice(0, 30))
  console.log(
    `${(v.ms / runs).toFixed(1).padStart(7)} ms ${String(v.calls / runs).padStart(5)} calls ${(v.bytes / runs / 1024).toFixed(0).padStart(6)} KiB  ${key}`,
  );
broker.destroy();
child.stdin?.end();
