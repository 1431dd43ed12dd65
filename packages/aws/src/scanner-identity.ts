// Is the server's own AWS identity the scanner role the customer templates trust? Every customer
// role trusts `arn:aws:iam::<PLATFORM_ACCOUNT_ID>:role/<SCANNER_ROLE_PATTERN>` (ArnLike on
// aws:PrincipalArn), so a server running as anything else is refused by every AssumeRole with a bare
// AccessDenied. Checking the caller's ARN at boot turns that into a message that says what to fix.

export interface ScannerIdentityConfig {
  /** PLATFORM_ACCOUNT_ID: the 12-digit account the customer templates trust. */
  platformAccountId: string;
  /** SCANNER_ROLE_PATTERN: an IAM ArnLike glob over the role name (`*` any run, `?` one character). */
  rolePattern: string;
}

export interface CallerRole {
  accountId: string;
  /** What ArnLike compares after `role/`: the path and name for an IAM role ARN, else the name. */
  roleName: string;
}

export type ScannerIdentityCheck =
  | { ok: true; accountId: string; roleName: string }
  | { ok: false; accountId: string | undefined; roleName: string | undefined; message: string };

// arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION: STS omits the role's path from a session ARN.
const ASSUMED_ROLE = /^arn:aws(?:-cn|-us-gov)?:sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/[\w+=,.@-]+$/;
// arn:aws:iam::ACCOUNT:role/PATH/NAME: the form the sandbox (and a role's own ARN) shows.
const IAM_ROLE = /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64})$/;
const ANY_ACCOUNT = /^arn:aws(?:-cn|-us-gov)?:(?:sts|iam)::(\d{12}):/;

/** The role of a GetCallerIdentity ARN, or undefined for a user, the root or anything else. */
export function parseCallerRole(arn: string): CallerRole | undefined {
  const match = ASSUMED_ROLE.exec(arn) ?? IAM_ROLE.exec(arn);
  if (!match?.[1] || !match[2]) return undefined;
  return { accountId: match[1], roleName: match[2] };
}

/** IAM's ArnLike wildcard semantics within one ARN component: `*` any run, `?` exactly one. */
export function matchesRolePattern(roleName: string, pattern: string): boolean {
  const source = pattern
    .split("")
    .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`).test(roleName);
}

/** Compares a GetCallerIdentity ARN with the operator's configuration; the message names both sides. */
export function checkScannerIdentity(callerArn: string, config: ScannerIdentityConfig): ScannerIdentityCheck {
  const role = parseCallerRole(callerArn);
  const accountId = role?.accountId ?? ANY_ACCOUNT.exec(callerArn)?.[1];
  const problems: string[] = [];
  if (accountId !== config.platformAccountId) {
    problems.push(
      `it is in account ${accountId ?? "(unknown)"}, but PLATFORM_ACCOUNT_ID is ${config.platformAccountId}`,
    );
  }
  if (!role) {
    problems.push(`it is not an IAM role, but the templates trust roles named ${config.rolePattern}`);
  } else if (!matchesRolePattern(role.roleName, config.rolePattern)) {
    problems.push(
      `its role is ${role.roleName}, which does not match SCANNER_ROLE_PATTERN ${config.rolePattern}`,
    );
  }
  if (role && !problems.length) return { ok: true, accountId: role.accountId, roleName: role.roleName };
  return {
    ok: false,
    accountId,
    roleName: role?.roleName,
    message:
      `the server's AWS identity ${callerArn} is not a scanner role the customer templates trust: ` +
      `${problems.join("; ")}. Every AssumeRole into a customer account will be denied. ` +
      "Set PLATFORM_ACCOUNT_ID and SCANNER_ROLE_PATTERN to the operator's account and scanner role, " +
      "or run the server as the scanner role (its task or instance role).",
  };
}
