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

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
