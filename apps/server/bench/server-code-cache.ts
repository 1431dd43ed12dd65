// Would a code cache taken after a scan cut the first scan's CPU? Node's compile cache (the
// production bundle's NODE_COMPILE_CACHE) serialises a module right after compiling it, before any of
// it runs, so it holds the top-level code and nothing of the functions a scan compiles lazily later;
// a priming run that scans would leave the same cache. vm.Script can take one at any time, with every
// function compiled so far. This builds the bench server as a classic script (CommonJS) and runs it
// through server-script-loader.ts twice over: with a cache taken right after compiling ("early", what
// Node's compile cache holds) and one taken when a process that scanned twice exits ("late"); then
// alternates fresh processes of each (bench/server-first-scan.ts's measure).
// Usage: BENCH_RUNS=3 npx tsx bench/server-code-cache.ts
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { asciiOnly, ownModuleUrls } from "../scripts/build";
import { firstAndAgain } from "./server-first-scan";

const runs = Number(process.env.BENCH_RUNS ?? 3);
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const script = `${dist}bench-server.cjs`;
await build({
  entryPoints: [fileURLToPath(new URL("./server-process.ts", import.meta.url))],
  outfile: script,
  bundle: true,
  platform: "node",
  // The production build's choices (scripts/build.ts), but CommonJS: a classic script for vm.Script.
  format: "cjs",
  target: "node24",
  mainFields: ["module", "main"],
  external: ["@electric-sql/pglite", "pino", "pg-native"],
  plugins: [ownModuleUrls(dist)],
  define: { "import.meta.url": "__importMetaUrl" },
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  logLevel: "warning",
});
await asciiOnly(script);

process.env.BENCH_SERVER_LOADER = fileURLToPath(new URL("./server-script-loader.ts", import.meta.url));
process.env.LOADER_SCRIPT = script;
const cacheOf = (kind: string) => `${dist}bench-server.cjs.${kind}-cache`;
for (const kind of ["early", "late"]) {
  process.env.LOADER_CACHE = cacheOf(kind);
  process.env.LOADER_MAKE = kind;
  await firstAndAgain(`making the ${kind} cache`);
}
delete process.env.LOADER_MAKE;

const figures: Record<string, { firstMs: number; againMs: number; startRss: number }[]> = {
  early: [],
  late: [],
};
for (let run = 1; run <= runs; run++)
  for (const kind of ["early", "late"]) {
    process.env.LOADER_CACHE = cacheOf(kind);
    figures[kind]!.push(await firstAndAgain(`run ${run}, ${kind} cache`));
  }
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
for (const [kind, rows] of Object.entries(figures))
  console.log(
    `${kind} cache, mean of ${rows.length}: first scan ${mean(rows.map((r) => r.firstMs)).toFixed(0)} ms, again ${mean(rows.map((r) => r.againMs)).toFixed(0)} ms, one-time ${mean(rows.map((r) => r.firstMs - r.againMs)).toFixed(0)} ms, RSS before scan ${(mean(rows.map((r) => r.startRss)) / 2 ** 20).toFixed(0)} MiB`,
  );
process.exit(0);
