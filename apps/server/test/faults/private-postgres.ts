// A Postgres of the suite's own, in a temporary folder on a free port, that the suite may stop and
// start at will: the shared test server is never touched. Postgres refuses to run as root, so as
// root the binaries run as the `postgres` user (runuser). Stopped by the PID in postmaster.pid, the
// server's own, never by name.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@tagc/db";
import { freePort } from "@tagc/testkit";

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  start(): Promise<void>;
  /** Fast shutdown (SIGINT to the postmaster): sessions are ended, new connections refused. */
  stop(): Promise<void>;
  /** Stops the server and removes its folder. */
  destroy(): Promise<void>;
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, "bin")).find((dir) => existsSync(join(dir, "initdb")));
  if (!found) throw new Error("no Postgres binaries under /usr/lib/postgresql/*/bin");
  return found;
}

const asRoot = process.getuid?.() === 0;

function command(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const root = mkdtempSync(join(tmpdir(), "tagc-pg-fault-"));
  const data = join(root, "data");
  const sockets = join(root, "sock");
  mkdirSync(sockets);
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(root, uid, gid);
    chownSync(sockets, uid, gid);
  }
  const [initdb, initArgs] = command(join(bin, "initdb"), [
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
  ]);
  execFileSync(initdb, initArgs, { stdio: "ignore" });
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;

  const postmasterPid = (): number | undefined => {
    const file = join(data, "postmaster.pid");
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  };
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  const pg: PrivatePostgres = {
    url,
    port,
    async start() {
      const [postgres, args] = command(join(bin, "postgres"), [
        "-D",
        data,
        "-p",
        String(port),
        "-k",
        sockets,
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "fsync=off",
        "-c",
        "max_connections=100",
      ]);
      child = spawn(postgres, args, { stdio: "ignore" });
      const deadline = Date.now() + 20_000;
      for (;;) {
        const probe = createDatabase({ url, poolMax: 1 });
        const up = await probe.ping();
        await probe.close();
        if (up) return;
        if (Date.now() > deadline) throw new Error(`private Postgres on port ${port} did not start`);
        await sleep(100);
      }
    },
    async stop() {
      const pid = postmasterPid();
      if (pid === undefined) return;
      process.kill(pid, "SIGINT");
      const deadline = Date.now() + 20_000;
      while (alive(pid) && Date.now() < deadline) await sleep(50);
      if (alive(pid)) throw new Error(`private Postgres ${pid} did not stop`);
      child = undefined;
    },
    async destroy() {
      await pg.stop().catch(() => undefined);
      child?.kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
  await pg.start();
  return pg;
}
