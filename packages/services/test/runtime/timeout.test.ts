// withTimeout against a real socket: an answer that arrived while the event loop was blocked is not
// mistaken for a timeout, and a server that never answers still times out.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TimeoutError, withTimeout } from "../../src/cache/timeout";

// The server runs in a process of its own, so it answers while this one's event loop is blocked.
const SERVER = `
  const server = require("node:net").createServer((socket) =>
    socket.on("data", (data) => { if (data.toString() === "ping") socket.write("pong"); }));
  server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;
let server: ChildProcess;
let port = 0;
beforeAll(async () => {
  // Answers "pong" to "ping" at once; stays silent on anything else.
  server = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(createInterface({ input: server.stdout! }), "line")) as [string];
  port = Number(line);
});
afterAll(() => {
  server?.kill();
});

async function connected(): Promise<Socket> {
  const socket = connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  return socket;
}

const reply = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once("data", (data) => resolve(data.toString())));

const blockFor = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // A synchronous step longer than the timeout, as a big scan's analysis can be.
  }
};

describe("withTimeout", () => {
  it("takes an answer that arrived while the event loop was blocked past the timeout", async () => {
    const socket = await connected();
    try {
      const answer = withTimeout(reply(socket), 50);
      socket.write("ping");
      // The reply lands in the socket while the loop is busy; the 50 ms timer is due long before
      // the loop gets to read it.
      blockFor(300);
      await expect(answer).resolves.toBe("pong");
    } finally {
      socket.destroy();
    }
  });

  it("still times out when nothing answers", async () => {
    const socket = await connected();
    try {
      const answer = withTimeout(reply(socket), 50);
      socket.write("hello?");
      blockFor(100);
      await expect(answer).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      socket.destroy();
    }
  });
});
