// STS accepts RoleSessionName and SourceIdentity of 2–64 characters from [\w+=,.@-]. Both show up
// in the customer's CloudTrail, so they carry our client id; anything else becomes "_".
const MIN = 2;
const MAX = 64;

export function sanitizeSessionName(value: string): string {
  const cleaned = value.replace(/[^\w+=,.@-]/g, "_").slice(0, MAX);
  return cleaned.padEnd(MIN, "_");
}

export const roleSessionName = (clientId: string) => sanitizeSessionName(`tagc-${clientId}`);

/**
 * SourceIdentity is sticky across role chaining and cannot be changed by the session, so the
 * customer can always attribute calls to one of our clients. ":" is replaced, so it can never
 * start with the reserved "aws:" prefix.
 */
export const sourceIdentity = (clientId: string) => sanitizeSessionName(clientId);
