// One harness per describe block (so per database kind per file, never per test): PGlite takes
// seconds to start on a busy machine.
//
// Which kinds: happy and security files run on both Postgres and PGlite (the embedded default), since
// that is where queries, tenant filters and transactions differ. Error files run on Postgres only:
// their inputs are refused at the edge before any query, and the error paths that do reach the
// database (audit cursors, key state conflicts) run on both kinds in their own describe blocks.
import { afterAll, beforeAll } from "vitest";
import { type Harness, type HarnessOptions, startHarness } from "../harness";

export function useHarness(options: HarnessOptions): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness(options);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error("the harness is not started (beforeAll failed?)");
    return harness;
  };
}
