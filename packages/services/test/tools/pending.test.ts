// PendingRuns.find: a scan_id reaches only the run it names, of the same client and tool; another
// tenant's id (guessed or leaked) and a run already returned are never found.
import { describe, expect, it } from "vitest";
import { PendingRuns } from "../../src/tools/pending";

const never = () => new Promise<string>(() => undefined);

describe("PendingRuns.find", () => {
  it("finds a run by its id within the client and tool, never across them", () => {
    const runs = new PendingRuns<string>();
    const acmeKey = PendingRuns.keyOf("cli_acme", "check_tag_compliance", { resource_types: ["all"] });
    const globexKey = PendingRuns.keyOf("cli_globex", "check_tag_compliance", { resource_types: ["all"] });
    const acme = runs.start(acmeKey, never);
    const globex = runs.start(globexKey, never);
    expect(acme.id).not.toBe(globex.id);

    expect(runs.find("cli_acme", "check_tag_compliance", acme.id)).toEqual({ key: acmeKey, run: acme });
    expect(runs.find("cli_globex", "check_tag_compliance", acme.id)).toBeUndefined();
    expect(runs.find("cli_acme", "find_untagged_resources", acme.id)).toBeUndefined();
    expect(runs.find("cli_acme", "check_tag_compliance", "not-an-id")).toBeUndefined();
    expect(runs.find("cli_globex", "check_tag_compliance", globex.id)?.run).toBe(globex);
  });

  it("no longer finds a run once its result was returned or the client was purged", async () => {
    const runs = new PendingRuns<string>();
    const key = PendingRuns.keyOf("cli_acme", "detect_tag_drift", {});
    const run = runs.start(key, async () => "done");
    expect(await run.result).toBe("done");
    expect(runs.find("cli_acme", "detect_tag_drift", run.id)?.run).toBe(run);
    runs.delete(key);
    expect(runs.find("cli_acme", "detect_tag_drift", run.id)).toBeUndefined();

    const other = runs.start(key, never);
    runs.purge("cli_acme");
    expect(runs.find("cli_acme", "detect_tag_drift", other.id)).toBeUndefined();
  });
});
