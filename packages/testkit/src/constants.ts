// The AWS identities every suite, the demo and the benchmark share. The customer template trusts the
// control plane's account root, narrowed by aws:PrincipalArn to the scanner pattern tagc-scanner-*.

export interface Principal {
  account_id: string;
  arn: string;
  access_key_id: string;
  secret_access_key: string;
}

/** Our own (operator) account and its scanner role: the caller of every AssumeRole. */
export const CONTROL_PLANE: Principal = {
  account_id: "111111111111",
  arn: "arn:aws:iam::111111111111:role/tagc-scanner-test",
  access_key_id: "AKIATAGCTESTCONTROL1",
  secret_access_key: "tagcTestkitControlPlaneSecret00000000000",
};

/** Another AWS account entirely: the trust's principal does not name it. */
export const UNTRUSTED_ACCOUNT: Principal = {
  account_id: "999999999999",
  arn: "arn:aws:iam::999999999999:role/tagc-scanner-test",
  access_key_id: "AKIATAGCTESTUNTRUST1",
  secret_access_key: "tagcTestkitUntrustedSecret00000000000000",
};

/** The control plane's own account, but a role outside the tagc-scanner-* pattern. */
export const OUTSIDE_PATTERN: Principal = {
  account_id: "111111111111",
  arn: "arn:aws:iam::111111111111:role/billing-reader",
  access_key_id: "AKIATAGCTESTOUTSIDE1",
  secret_access_key: "tagcTestkitOutsidePatternSecret000000000",
};

/** The two customer accounts of two-tenant suites. */
export const ACME_ACCOUNT = "222222222222";
export const GLOBEX_ACCOUNT = "333333333333";

/** A caller with long-lived keys and an identity policy the sandbox evaluates. */
export interface PolicyPrincipal extends Principal {
  policy: {
    Version: "2012-10-17";
    Statement: { Effect: "Allow"; Action: string[]; Resource: string }[];
  };
}

// What a customer's cloud admin needs to click "Launch stack" on the role template: CloudFormation,
// IAM (the stack creates a named role with the caller's permissions) and reading the operator's
// published template. Nothing else, so a suite cannot accidentally scan with the admin's keys.
const customerAdmin = (
  accountId: string,
  name: string,
  access_key_id: string,
  secret_access_key: string,
): PolicyPrincipal => ({
  account_id: accountId,
  arn: `arn:aws:iam::${accountId}:user/${name}`,
  access_key_id,
  secret_access_key,
  policy: {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["cloudformation:*", "iam:*", "s3:GetObject"], Resource: "*" }],
  },
});

export const ACME_ADMIN = customerAdmin(
  ACME_ACCOUNT,
  "acme-admin",
  "AKIAACMEADMIN0000001",
  "acmeAdminSecretKey0000000000000000000000",
);
export const GLOBEX_ADMIN = customerAdmin(
  GLOBEX_ACCOUNT,
  "globex-admin",
  "AKIAGLOBEXADMIN00001",
  "globexAdminSecretKey00000000000000000000",
);

/** The customers' cloud admins, by account: the callers of CreateStack from a quick-create link. */
export const CUSTOMER_ADMINS: Readonly<Record<string, PolicyPrincipal>> = {
  [ACME_ACCOUNT]: ACME_ADMIN,
  [GLOBEX_ACCOUNT]: GLOBEX_ADMIN,
};

/** The admin of a customer account; throws for an account that has none in the test world. */
export function customerAdminFor(accountId: string): PolicyPrincipal {
  const admin = CUSTOMER_ADMINS[accountId];
  if (!admin)
    throw new Error(
      `no customer admin for account ${accountId} (known: ${Object.keys(CUSTOMER_ADMINS).join(", ")})`,
    );
  return admin;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
