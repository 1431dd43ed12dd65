// The benchmark's AWS: the sandbox in a process of its own, so its CPU time (AWS's, in real life) is
// not charged to the server being measured. Prints one JSON line with its URL once listening.
// Usage: tsx bench/sandbox-process.ts <resources> <regions> [second account's resources]
import { generateAccount, startSandbox } from "@tagc/aws-sandbox";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, sandboxSeed } from "@tagc/testkit";

const [resources = "10000", regions = "6", second = "0"] = process.argv.slice(2);
const account = generateAccount({
  accountId: ACME_ACCOUNT,
  resources: Number(resources),
  regions: Number(regions),
  seed: 11,
});
// A second tenant's account (the fair-scanning benchmark: one tenant scans, the other reads warm).
const other = Number(second)
  ? [
      generateAccount({
        accountId: GLOBEX_ACCOUNT,
        resources: Number(second),
        regions: Number(regions),
        seed: 12,
      }),
    ]
  : [];
const sandbox = await startSandbox({ seed: sandboxSeed([account, ...other]) });
console.log(JSON.stringify({ url: sandbox.url, resources: account.resources?.length ?? 0 }));
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
// The parent going away (its stdin closes) ends this process too.
process.stdin.on("end", stop);
process.stdin.resume();
