// The account of a role ARN. The broker refuses a target whose role lives in another account than
// the one it is cached under, so a cache entry can never hold another account's session.
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

export function roleArnAccount(roleArn: string): string | undefined {
  return ROLE_ARN.exec(roleArn)?.[1];
}
