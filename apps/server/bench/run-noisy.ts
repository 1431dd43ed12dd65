import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** Starts bench/noisy.ts in its own process; `stop` ends its loops and returns what they did. */
export async function startNoisy(job: { url: string; key: string; lanes: number; scopes: string[][] }) {
  const script = fileURLToPath(new URL("./noisy.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(job)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const results: Record<string, number>[] = [];
  let started: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  lines.on("line", (line) => {
    if (!line.startsWith("{")) return;
    const parsed = JSON.parse(line) as Record<string, number>;
    if ("started" in parsed) started();
    else results.push(parsed);
  });
  await ready;
  return {
    async stop(): Promise<{ scans: number; errors: number }> {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      return (results[0] ?? { scans: 0, errors: 0 }) as { scans: number; errors: number };
    },
  };
}
