// The control plane's own identity, from sts:GetCallerIdentity with its own credentials. The call
// needs no IAM permission (even an SCP cannot deny it), so a failure means STS is unreachable or
// the credentials themselves are bad, never a policy.
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { type AwsConfig, controlPlaneCredentials } from "./config";
import { createStsClient } from "./sts-client";

export async function getCallerIdentityArn(config: AwsConfig): Promise<string> {
  const sts = createStsClient(config, controlPlaneCredentials(config));
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    if (!identity.Arn) throw new Error("GetCallerIdentity answered without an Arn");
    return identity.Arn;
  } finally {
    sts.destroy();
  }
}
