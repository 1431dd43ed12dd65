// Sandbox seeds: the suites' control plane and other callers around a suite's own customer accounts.
import type { AccountSeedInput, SeedInput } from "@tagc/aws-sandbox";
import { CONTROL_PLANE, OUTSIDE_PATTERN, UNTRUSTED_ACCOUNT } from "./constants";

/** A seed whose control plane is the suites' one; roles appear at onboarding, from the template. */
export function sandboxSeed(
  accounts: AccountSeedInput[],
  options: { otherCallers?: boolean } = {},
): SeedInput {
  return {
    control_plane: { ...CONTROL_PLANE },
    ...(options.otherCallers ? { principals: [{ ...UNTRUSTED_ACCOUNT }, { ...OUTSIDE_PATTERN }] } : {}),
    accounts: accounts.map((account) => ({ roles: [], ...structuredClone(account) })),
  };
}
