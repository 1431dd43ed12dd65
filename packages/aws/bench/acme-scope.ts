// The benches' scan scope: ACME's read-only role, assumed through the control plane's keys against a
// sandbox at `endpoint`. The session is assumed once up front, so a bench measures the scan alone.
import { COST_GENERATING_TYPES } from "@tagc/core";
import { CredentialBroker, type DiscoverResourcesInput, discoverResources, listEnabledRegions } from "../src";
import { ACME, CONTROL_PLANE, roleArn, targetFor } from "../test/fixtures";

export async function acmeScope(endpoint: string) {
  const config = {
    region: "us-east-1",
    endpoint,
    credentials: {
      accessKeyId: CONTROL_PLANE.access_key_id,
      secretAccessKey: CONTROL_PLANE.secret_access_key,
    },
  };
  const broker = new CredentialBroker({ config });
  const target = targetFor(ACME, { roleArn: roleArn(ACME.accountId, "TagComplianceReadOnly") });
  const credentials = broker.providerFor(target);
  await broker.getCredentials(target);
  const regions = await listEnabledRegions({ config, credentials });
  /** One discovery of every cost-generating type in every enabled region; `options` adds knobs. */
  const discoverAll = (options: Partial<DiscoverResourcesInput> = {}) =>
    discoverResources({
      config,
      credentials,
      accountId: ACME.accountId,
      resourceTypes: COST_GENERATING_TYPES,
      regions,
      ...options,
    });
  return { config, credentials, broker, regions, discoverAll };
}
