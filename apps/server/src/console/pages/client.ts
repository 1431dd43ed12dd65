// GET /console/clients/:id: one client, each section from the verb its REST route calls (getClient,
// getClientStatus, listApiKeys, listOAuthGrants, getUsage, listAudit, listSchedules, listDeliveries; the charts'
// getScoreTrend, getLatestCostGap and getUsageSeries), all bound to
// the client resolved from the path.
import {
  AUDIT_OUTCOMES,
  getClient,
  getClientStatus,
  getLatestCostGap,
  getScoreTrend,
  getUsage,
  getUsageSeries,
  listApiKeys,
  listAudit,
  listDeliveries,
  listOAuthGrants,
  listSchedules,
  type ServiceDeps,
} from "@tagc/services";
import type { Context } from "hono";
import { z } from "zod";
import { html } from "../../onboard/html";
import { clientCtxOf } from "../../routes/context";
import { hasNoNul, NO_NUL_MESSAGE } from "../../schemas/common";
import type { AppEnv } from "../../types";
import { errorPage } from "../errors";
import { fieldErrorsOf } from "../form";
import { badge } from "../format";
import { page } from "../respond";
import { auditSection } from "../sections/audit";
import { costGapSection, trendSection, usageChart } from "../sections/charts";
import { connectionSection } from "../sections/connection";
import { grantsSection } from "../sections/grants";
import { keysSection } from "../sections/keys";
import { onboardingSection } from "../sections/onboarding";
import { schedulesSection } from "../sections/schedules";
import { usageSection } from "../sections/usage";

/** What an action that redirected back here did: a fixed wording, never text from the URL. */
export const NOTICES = {
  registered: "Client registered. Send the customer the onboarding link below.",
  key_revoked: "The key is revoked: it stops working at once on every replica.",
  grant_revoked: "The OAuth grant is revoked.",
  schedule_cancelled: "The schedule is cancelled.",
  verified: "Verification ran: the connection below shows its outcome.",
} as const;

const Query = z.strictObject({
  notice: z.enum(Object.keys(NOTICES) as [keyof typeof NOTICES]).optional(),
  operation: z.string().trim().max(100).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).or(z.literal("")).optional(),
  cursor: z.string().max(500).optional(),
});

const AUDIT_PAGE = 20;

export async function clientPage(c: Context<AppEnv>, deps: ServiceDeps) {
  const query = Query.safeParse(c.req.query());
  if (!query.success) {
    const [field, message] = Object.entries(fieldErrorsOf(query.error))[0] ?? ["query", "is not valid"];
    return errorPage(c, 400, `${field}: ${message}`);
  }
  const { notice, cursor } = query.data;
  const filters = { operation: query.data.operation || undefined, outcome: query.data.outcome || undefined };
  const ctx = clientCtxOf(c, deps);
  const client = await getClient({ ctx });
  const status = await getClientStatus({ ctx });
  const keys = await listApiKeys({ ctx });
  const grants = await listOAuthGrants({ ctx });
  const usage = await getUsage({ ctx, input: {} });
  const audit = await listAudit({ ctx, input: { ...filters, cursor, limit: AUDIT_PAGE } });
  const schedules = await listSchedules({ ctx });
  const deliveries = await listDeliveries({ ctx });
  const trend = await getScoreTrend({ ctx, input: {} });
  const usageSeries = await getUsageSeries({ ctx, input: {} });
  const costGap = await getLatestCostGap({ ctx });
  const session = c.var.consoleSession;
  return page(
    c,
    client.name,
    html`<p><a href="/console">All clients</a></p>
<h1 id="client-name">${client.name}</h1>
<p>${badge(client.status)} · ${client.tier} tier · ${client.contact_email} · <code>${client.id}</code></p>
${notice ? html`<p class="notice" role="status">${NOTICES[notice]}</p>` : ""}
${connectionSection(status, session)}
${trendSection(trend)}
${costGapSection(costGap)}
${usageSection(usage, usageChart(usageSeries))}
${keysSection(client.id, keys.data, session)}
${grantsSection(client.id, grants.data, session)}
${schedulesSection(client.id, schedules.data, deliveries.data, session)}
${onboardingSection(client.id, client.onboarding, session)}
${auditSection(client.id, audit, filters)}`,
  );
}
