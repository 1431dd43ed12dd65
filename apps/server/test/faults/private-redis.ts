// A Redis server of the fault suite's own, on its own port: the suite kills and restarts it, never
// the shared one.
import { type ChildProcess, spawn } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "@tagc/testkit";

export interface PrivateRedis {
  port: number;
  url: string;
  /** Kills the process (SIGKILL, as a crashed or unreachable Redis looks) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty (no persistence), and waits until it accepts connections. */
  start(): Promise<void>;
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    const deadline = Date.now() + 10_000;
    while (!(await accepts(port))) {
      if (Date.now() > deadline) throw new Error(`private redis-server did not start on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    async kill() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await exited;
    },
  };
}
