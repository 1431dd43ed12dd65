// One harness per describe block (so per database kind per file, never per test): PGlite takes
// seconds to start on a busy machine.
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
