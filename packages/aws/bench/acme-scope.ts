// The benches' scan scope: ACME's read-only role, assumed through the control plane's keys against a
// sandbox at `endpoint`. The session is assumed once up front, so a bench measures the scan alone.
import { CredentialBroker } from "../src";
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
  return { config, credentials, broker };
}
