// A TCP port on 127.0.0.1 that nothing listens on (the OS picked it, then it was released): for a
// private Redis or Postgres a fault suite starts, an OAuth callback, or an address that must refuse.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no port was assigned"))));
    });
  });
}
