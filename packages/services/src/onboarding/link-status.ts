// The onboarding page's live status. While the client is pending, a poll whose last check is older
// than PAGE_VERIFY_AFTER_MS verifies now, so the page turns Connected seconds after the stack
// completes instead of waiting for the background poller's next slot (30 s, then backing off).
// Rate limits: the connection's last_checked_at (shared by every replica) and one verification in
// flight per client in this process; a lease held by the poller is left alone.
import { type AwsConnection, type Client, clients } from "@tagc/db";
import { eq } from "drizzle-orm";
import { primaryConnection } from "../clients/load";
import type { ServiceDeps } from "../context";
import { runVerification } from "../verification/run";
import { openOnboardingLink } from "./open-link";
import { type LinkStatus, statusOf } from "./status-view";

export const PAGE_VERIFY_AFTER_MS = 10_000;

const inflight = new Map<string, Promise<void>>();

export async function onboardingLinkStatus(
  deps: ServiceDeps,
  token: string,
  requestId: string,
): Promise<LinkStatus> {
  const opened = await openOnboardingLink(deps, token);
  if (!dueForCheck(opened.client, opened.connection, deps.now()))
    return statusOf(opened.client, opened.connection);

  let running = inflight.get(opened.client.id);
  if (!running) {
    running = verifyNow(deps, opened.client, opened.connection, requestId).finally(() =>
      inflight.delete(opened.client.id),
    );
    inflight.set(opened.client.id, running);
  }
  await running;
  // Re-read: the verification moved the state machine (or an offboarding happened meanwhile). The
  // answer is always the recorded state, so a poll that verified and one that did not look alike.
  const [client] = await deps.db.select().from(clients).where(eq(clients.id, opened.client.id)).limit(1);
  if (!client) return statusOf(opened.client, opened.connection);
  return statusOf(client, await primaryConnection(deps.db, client.id));
}

function dueForCheck(client: Client, connection: AwsConnection, now: Date): boolean {
  if (client.status !== "pending") return false;
  if (!connection.accountId && !connection.roleArn) return false;
  if (!connection.verifiedAt && connection.externalIdExpiresAt <= now) return false;
  if (connection.leaseExpiresAt && connection.leaseExpiresAt > now) return false;
  return (
    !connection.lastCheckedAt || now.getTime() - connection.lastCheckedAt.getTime() >= PAGE_VERIFY_AFTER_MS
  );
}

async function verifyNow(deps: ServiceDeps, client: Client, connection: AwsConnection, requestId: string) {
  try {
    await runVerification({
      deps,
      client,
      connection,
      actor: { kind: "system", job: "onboarding_page" },
      requestId,
      // Like the background poller: a customer watching the page never counts toward revocation.
      countFailures: false,
    });
  } catch {
    // Offboarded meanwhile, or a role ARN that cannot be derived: the page shows the recorded state.
  }
}
