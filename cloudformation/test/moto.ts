import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

/** A moto_server child process on a free loopback port, for the independent-emulator suites. */
export interface Moto {
  endpoint: string;
  stop(): Promise<void>;
}

// AWS SDK clients sign every request; moto accepts any key pair.
export const MOTO_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no TCP port was assigned");
  return address.port;
}

/**
 * Starts moto_server and waits until it answers. A missing moto_server fails the suite with the
 * fix, never skips it: the independent check is the point of the suite.
 */
export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child = spawn("moto_server", ["-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const spawnError = new Promise<never>((_resolve, reject) => {
    child.once("error", (error) =>
      reject(
        new Error(
          `moto_server could not start (${error.message}); install it with: pip install 'moto[server]'`,
        ),
      ),
    );
    child.once("exit", (code) => reject(new Error(`moto_server exited with ${code}: ${stderr}`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await Promise.race([waitUntilReady(endpoint), spawnError]);
  return { endpoint, stop: () => stop(child) };
}

async function waitUntilReady(endpoint: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${endpoint}/moto-api/`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`moto_server did not answer at ${endpoint} within 30 s`);
}

// Killed by its own PID only: other suites on the machine may run their own moto_server.
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(child.pid, "SIGTERM");
  await exited;
}
