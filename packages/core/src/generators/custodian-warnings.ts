// Typed warnings of the Custodian generator: a code a client can act on (skip, retry with another
// type, set a real value), the type it concerns when there is one, and a sentence for people.
export const CUSTODIAN_WARNING_CODES = [
  "unknown_resource_type",
  "free_resource_type",
  "placeholder_not_valid",
  "invalid_value_notified",
] as const;
export type CustodianWarningCode = (typeof CUSTODIAN_WARNING_CODES)[number];

export interface CustodianWarning {
  code: CustodianWarningCode;
  /** The requested type the warning is about; null when it concerns a tag across types. */
  resource_type: string | null;
  message: string;
}

/** Warnings keyed by message: the same placeholder warning raised for ten types is listed once. */
export type CustodianWarnings = Map<string, CustodianWarning>;

export function addWarning(warnings: CustodianWarnings, warning: CustodianWarning): void {
  if (!warnings.has(warning.message)) warnings.set(warning.message, warning);
}
