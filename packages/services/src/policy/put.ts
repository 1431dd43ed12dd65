import { formatPolicyIssue, parsePolicy } from "@tagc/core";
import { clients, taggingPolicies } from "@tagc/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { forgetTenantReads } from "../cache/fresh-reads";
import type { ClientCtx } from "../context";
import { ServiceError } from "../errors";
import { assertClientActive } from "../keys/issue";
import { tenantScoped } from "../scoped";
import { currentPolicy } from "./current";
import { policyView } from "./view";

/**
 * Saves a new policy version. Unknown resource types, free types and invalid regexes are rejected
 * with the offending entry named (`required_tags[0].applies_to[1]: ...`).
 */
export async function putPolicy(args: {
  ctx: ClientCtx;
  input: { document: unknown; source?: "uploaded" | "imported"; source_ref?: string };
}) {
  const saved = await putScoped(args);
  // After the commit: this replica's next scan reads the new version (others within SETTINGS_CACHE_MS).
  await forgetTenantReads(args.ctx.deps, args.ctx.client.id);
  return saved;
}

const putScoped = tenantScoped(async function putPolicy({
  ctx,
  input,
}: {
  ctx: ClientCtx;
  input: { document: unknown; source?: "uploaded" | "imported"; source_ref?: string };
}) {
  assertClientActive(ctx);
  const parsed = parsePolicy(input.document);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new ServiceError(
      "INVALID_REQUEST",
      `policy is invalid: ${parsed.errors.map(formatPolicyIssue).join("; ")}`,
      {
        field: first ? `policy.${first.path}` : "policy",
        issues: parsed.errors,
      },
    );
  }
  return ctx.deps.db.transaction(async (tx) => {
    // Saves of one client queue on its row, so each reads the version the previous one wrote
    // (otherwise two concurrent saves both insert current + 1 and one fails on the unique index).
    await tx
      .select({ id: clients.id })
      .from(clients)
      .where(eq(clients.id, ctx.client.id))
      .for("no key update");
    const { row: current } = await currentPolicy(tx, ctx.client.id);
    const [row] = await tx
      .insert(taggingPolicies)
      .values({
        clientId: ctx.client.id,
        version: current.version + 1,
        document: parsed.policy as unknown as Record<string, unknown>,
        source: input.source ?? "uploaded",
        sourceRef: input.source_ref ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      operation: "policy.put",
      params: { version: row!.version, source: row!.source },
    });
    return { ...policyView(row!, parsed.policy), warnings: parsed.warnings };
  });
});
