// A real Postgres test database reached through a TCP proxy that a test can cut and restore (an
// outage and a recovery without touching the shared server), with two tenants already in it.
import { createDatabase, type DatabaseHandle } from "@tagc/db";
import { createClient, createTestDatabase, type TestDatabase } from "@tagc/db/testing";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

export interface ProxiedDatabase {
  database: TestDatabase;
  proxy: TcpProxy;
  /** A pool that connects through the proxy. */
  proxied: DatabaseHandle;
  acme: string;
  globex: string;
  close(): Promise<void>;
}

export async function startProxiedDatabase(): Promise<ProxiedDatabase> {
  const database = await createTestDatabase({ kind: "postgres" });
  const url = new URL(database.url);
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  const proxied = createDatabase({ url: url.toString(), poolMax: 4, onPoolError: () => undefined });
  const acme = (await createClient(database.handle.db, { name: "Acme" })).id;
  const globex = (await createClient(database.handle.db, { name: "Globex" })).id;
  return {
    database,
    proxy,
    proxied,
    acme,
    globex,
    async close() {
      // Unbounded on purpose: with drizzle's failed-BEGIN leak patched, every client a cut connection
      // broke was released, so pool.end() returns (it waited forever on a leaked one before).
      await proxied.close();
      await proxy.close();
      await database.drop();
    },
  };
}
