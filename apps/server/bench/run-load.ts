import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Runs bench/load.ts in its own process and returns what it measured. */
export function runLoad(job: { url: string; keys: string[]; calls: number; scopes: string[][] }) {
  const script = fileURLToPath(new URL("./load.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(job)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  return new Promise<{ seconds: number; errors: number; latencies: number[]; accounts: string[] }>(
    (resolve, reject) => {
      child.once("exit", (code) => {
        const line = out.split("\n").find((l) => l.startsWith("{"));
        if (code !== 0 || !line) reject(new Error(`load generator exited with ${code}`));
        else resolve(JSON.parse(line));
      });
    },
  );
}
