import { auditEvents, type Database, newId } from "@tagc/db";
import type { ClientCtx } from "../context";
import { scoped } from "../scoped";

export interface AuditEntry {
  operation: string;
  /** Sanitized by the caller: never a secret, an External ID or credentials. */
  params?: Record<string, unknown>;
  outcome?: "ok" | "error";
  errorCode?: string | null;
  durationMs?: number;
}

/** Writes one audit row for the tenant in `ctx`, inside the caller's transaction when given one. */
export async function recordAudit(db: Database, ctx: ClientCtx, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values(auditRow(ctx, entry));
}

/**
 * Writes one audit row outside any transaction (a tool call's): handed to the audit batch when the
 * deployment has one (written within its window, off the call's path), else queued in `deps.writes`
 * when the database is unreachable so that a call that succeeded is never left unaudited by an outage.
 */
export async function recordAuditOrQueue(ctx: ClientCtx, entry: AuditEntry): Promise<void> {
  const row = auditRow(ctx, entry);
  if (ctx.deps.audit) ctx.deps.audit.add(row);
  else if (ctx.deps.writes) await ctx.deps.writes.write({ kind: "audit", row });
  else await scoped(ctx, ({ deps }) => deps.db.insert(auditEvents).values(row));
}

function auditRow(ctx: ClientCtx, entry: AuditEntry) {
  return {
    // Made here, not by the column default: a queued row keeps it, so its retry cannot insert twice.
    id: newId("evt"),
    clientId: ctx.client.id,
    apiKeyId: ctx.actor.kind === "api_key" ? ctx.actor.keyId : null,
    actor: ctx.actor.kind,
    operation: entry.operation,
    params: entry.params ?? {},
    outcome: entry.outcome ?? "ok",
    errorCode: entry.errorCode ?? null,
    durationMs: Math.max(0, Math.round(entry.durationMs ?? 0)),
    requestId: ctx.requestId,
    // The services clock, like usage events: a month's tool calls and its scans are counted alike.
    createdAt: ctx.deps.now(),
  };
}
