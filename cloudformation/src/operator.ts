import { TemplateParameterError } from "./errors";

/**
 * Who runs Tag Compliance Cloud: the AWS account the scanner lives in and the name pattern of the
 * scanner roles. Every customer role trusts exactly these, so they come from the operator's
 * configuration (PLATFORM_ACCOUNT_ID, SCANNER_ROLE_PATTERN), never from the customer.
 */
export interface Operator {
  platformAccountId: string;
  scannerRolePattern: string;
}

/** The pattern the platform stack's scanner role (tagc-scanner-<env>) matches. */
export const DEFAULT_SCANNER_ROLE_PATTERN = "tagc-scanner-*";

// A role name (IAM's [\w+=,.@-]{1,64}) in which `*` may stand for any run of characters, as
// ArnLike reads it. No `/` and no `:`, so the pattern cannot escape the role/ part of the ARN.
const ROLE_NAME_GLOB = /^[\w+=,.@*-]{1,64}$/;
const ACCOUNT_ID = /^\d{12}$/;

/** Checks both values, naming the field that is wrong; returns them unchanged. */
export function checkOperator(operator: Operator): Operator {
  if (!ACCOUNT_ID.test(operator.platformAccountId)) {
    throw new TemplateParameterError("platformAccountId", "must be a 12-digit AWS account id");
  }
  if (!ROLE_NAME_GLOB.test(operator.scannerRolePattern)) {
    throw new TemplateParameterError(
      "scannerRolePattern",
      "must be a role-name glob: 1 to 64 characters of letters, digits and + = , . @ _ - *",
    );
  }
  return operator;
}
