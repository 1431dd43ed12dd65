// The benchmark's AWS: the sandbox in a process of its own, so its CPU time (AWS's, in real life)
// is not charged to the scan being measured. Prints one JSON line with its URL once listening.
// Run by discovery.bench.ts: tsx bench/sandbox-process.ts <resources> <regions> <latency_ms> [all]
import { generateAccount, startSandbox } from "@tagc/aws-sandbox";
import { FULL_READ } from "../test/discovery/fixtures";
import { ACME, CONTROL_PLANE, scannerRole } from "../test/fixtures";

// A fourth argument "all" grants the role every action (bench/scan-cpu.ts scans every type).
const [resources = "10000", regions = "6", latency = "50", actions] = process.argv.slice(2);
const account = generateAccount({
  accountId: ACME.accountId,
  resources: Number(resources),
  regions: Number(regions),
  roles: [scannerRole(ACME.externalId, "TagComplianceReadOnly", actions === "all" ? ["*"] : FULL_READ)],
});
const sandbox = await startSandbox({
  seed: { control_plane: CONTROL_PLANE, accounts: [account] },
  faults: { latency_ms: Number(latency) },
});
console.log(
  JSON.stringify({ url: sandbox.url, pid: process.pid, resources: account.resources?.length ?? 0 }),
);
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// The parent going away (its stdin closes) ends this process too.
process.stdin.on("end", stop);
process.stdin.resume();
