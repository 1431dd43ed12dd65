import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface NoisyResult {
  scans: number;
  errors: number;
  /** Every account A's answers covered. */
  accounts: string[];
}

/** Starts bench/noisy.ts in its own process; `stop` ends its loops and returns what they did. */
export async function startNoisy(job: { url: string; key: string; lanes: number; scopes: string[][] }) {
  const script = fileURLToPath(new URL("./noisy.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(job)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const results: NoisyResult[] = [];
  let started: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    started = resolve;
  });
  lines.on("line", (line) => {
    if (!line.startsWith("{")) return;
    const parsed = JSON.parse(line) as NoisyResult & { started?: number };
    if ("started" in parsed) started();
    else results.push(parsed);
  });
  await ready;
  return {
    async stop(): Promise<NoisyResult> {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      return results[0] ?? { scans: 0, errors: 0, accounts: [] };
    },
  };
}
