// Sandbox seeds: the suites' control plane and other callers around a suite's own customer accounts.
import type { AccountSeedInput, SeedInput } from "@tagc/aws-sandbox";
import { CONTROL_PLANE, CUSTOMER_ADMINS, OUTSIDE_PATTERN, UNTRUSTED_ACCOUNT } from "./constants";

/**
 * A seed whose control plane is the suites' one; roles appear at onboarding, from the template.
 * The customers' cloud admins are always present, so any suite can launch the role stack; the
 * control plane has no policy, so it may publish templates (CreateBucket, PutObject) in its account.
 */
export function sandboxSeed(
  accounts: AccountSeedInput[],
  options: { otherCallers?: boolean } = {},
): SeedInput {
  return {
    control_plane: { ...CONTROL_PLANE },
    principals: [
      ...Object.values(CUSTOMER_ADMINS).map((admin) => structuredClone(admin)),
      ...(options.otherCallers ? [{ ...UNTRUSTED_ACCOUNT }, { ...OUTSIDE_PATTERN }] : []),
    ],
    accounts: accounts.map((account) => ({ roles: [], ...structuredClone(account) })),
  };
}
