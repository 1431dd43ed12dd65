// Drives the out-of-process sandbox through its admin API (/_sandbox).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { CounterSnapshot, FaultsInput, RoleSeedInput } from "@tagc/aws-sandbox";

export async function spawnSandbox(resources: number, regions: number, second = 0) {
  const script = fileURLToPath(new URL("./sandbox-process.ts", import.meta.url));
  const args = [script, String(resources), String(regions), String(second)];
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (l) => l.startsWith("{") && resolve(l));
    child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}/_sandbox${path}`, {
      method,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`sandbox admin ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    url,
    /** The sandbox's process id (the benchmark reads its CPU time from /proc). */
    pid: child.pid,
    putRole: (account: string, role: RoleSeedInput) =>
      admin("PUT", `/accounts/${account}/roles/${encodeURIComponent(role.name)}`, role),
    setFaults: (faults: FaultsInput) => admin("PUT", "/faults", faults),
    counters: () => admin("GET", "/counters") as Promise<CounterSnapshot>,
    resetCounters: () => admin("DELETE", "/counters"),
    stop: () => {
      child.stdin?.end();
      child.kill("SIGTERM");
    },
  };
}
