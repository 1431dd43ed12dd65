// The connection status the onboarding page shows: the status, the last error with its fix, and when
// it was checked. Never the role ARN, the account's other details or anything operator-only.
import type { AwsConnection, Client } from "@tagc/db";
import { fixFor } from "../verification/fix-it";

export interface LinkStatus {
  status: Client["status"];
  error: { code: string; message: string; fix: string | null } | null;
  checked_at: string | null;
}

export function statusOf(client: Client, connection: AwsConnection): LinkStatus {
  const code = connection.lastErrorCode;
  return {
    status: client.status,
    error: code ? { code, message: connection.lastErrorMessage ?? "", fix: fixFor(code) } : null,
    checked_at: connection.lastCheckedAt?.toISOString() ?? null,
  };
}
