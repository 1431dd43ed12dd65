// The cross-tenant figure: tenant B's warm p50/p95 while idle, and while tenant A runs one cold scan
// (force_refresh over every type). B's clients run in the load process, A's client here; the server
// runs alone in its own process.
import { GLOBEX_ACCOUNT } from "@tagc/testkit";
import { coldScan } from "./cold";
import { connect } from "./mcp-client";
import { ascending, pct } from "./percentile";
import { runLoad, startLoad } from "./run-load";
import type { BenchServer } from "./server-child";

const B_SCOPES = [["all"], ["ec2:instance"], ["lambda:function"], ["rds:db", "dynamodb:table"]];

const summary = (latencies: number[]) => {
  const sorted = ascending(latencies);
  return { calls: sorted.length, p50: pct(sorted, 50), p95: pct(sorted, 95) };
};

export async function crossTenant(server: BenchServer, options: { clients: number; idleCalls: number }) {
  const b = server.second;
  if (!b) throw new Error("the cross-tenant figure needs the bench server's second tenant");
  const keys = Array.from({ length: options.clients }, () => b.apiKey);
  // B's own cold scans first (not measured), then once unmeasured so both phases see a warm JIT.
  await runLoad({ url: server.url, keys: [b.apiKey], calls: B_SCOPES.length, scopes: B_SCOPES });
  await runLoad({ url: server.url, keys, calls: options.idleCalls, scopes: B_SCOPES });
  const idle = await runLoad({ url: server.url, keys, calls: options.idleCalls, scopes: B_SCOPES });

  const load = startLoad({ url: server.url, keys, calls: 0, scopes: B_SCOPES, untilStopped: true });
  await load.started;
  // A fresh session: the same forced call repeated in one session is (rightly) a loop.
  const a = await connect(server.url, server.keys[0]!);
  const cpuBefore = await server.cpuUs();
  const { wallMs } = await coldScan(a, { force_refresh: true });
  load.stop();
  const loaded = await load.done;
  const cpuMs = ((await server.settle()).cpuUs - cpuBefore) / 1000;
  await a.close();
  const foreign = [...idle.accounts, ...loaded.accounts].filter((account) => account !== GLOBEX_ACCOUNT);
  return {
    idle: summary(idle.latencies),
    loaded: summary(loaded.latencies),
    errors: idle.errors + loaded.errors,
    aColdMs: wallMs,
    cpuMs,
    foreign,
  };
}
