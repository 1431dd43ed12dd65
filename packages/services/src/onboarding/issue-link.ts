// Issues the customer's onboarding link for the tenant in ctx: a signed, expiring token the edge
// turns into PUBLIC_BASE_URL/onboard/<token>. Audited, with the token's id but never the token.
import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { ClientCtx } from "../context";
import { conflict, invalid, ServiceError } from "../errors";
import { signLinkToken } from "./link-token";

export const LINK_HOURS = { min: 1, max: 168, default: 72 } as const;

const Input = z.object({
  expires_in_hours: z.number().int().min(LINK_HOURS.min).max(LINK_HOURS.max).optional(),
});

export async function issueOnboardingLink({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: { expires_in_hours?: number | undefined };
}) {
  const parsed = Input.safeParse(input);
  if (!parsed.success) {
    throw invalid(
      "expires_in_hours",
      `must be a whole number of hours from ${LINK_HOURS.min} to ${LINK_HOURS.max}`,
    );
  }
  const secret = ctx.deps.onboarding.linkSecret;
  if (!secret)
    throw new ServiceError(
      "SERVICE_UNAVAILABLE",
      "onboarding links are not configured (ONBOARDING_LINK_SECRET)",
    );
  if (ctx.client.status === "deleted") throw conflict(`client ${ctx.client.id} is deleted`);

  const hours = parsed.data.expires_in_hours ?? LINK_HOURS.default;
  const now = ctx.deps.now();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  const { token, jti } = await signLinkToken({ secret, clientId: ctx.client.id, now, expiresAt });
  await recordAudit(ctx.deps.db, ctx, {
    operation: "clients.onboarding_link",
    params: { expires_in_hours: hours, link_id: jti },
  });
  return { token, link_id: jti, expires_at: expiresAt.toISOString() };
}
