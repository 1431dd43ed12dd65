import { z } from "@hono/zod-openapi";
import { AUDIT_OUTCOMES, CLIENT_TIERS } from "@tagc/services";
import { cursorQuery } from "./common";

export const UsageQuery = z.strictObject({
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM")
    .optional()
    .openapi({ param: { name: "period", in: "query" }, example: "2026-11" }),
});

export const UsageSchema = z
  .object({
    client_id: z.string(),
    period: z.string(),
    tier: z.enum(CLIENT_TIERS),
    scans: z.number().int(),
    unique_resources: z.number().int(),
    regions_covered: z.array(z.string()),
    tool_calls: z.record(z.string(), z.number().int()),
    quota: z.object({
      unique_resources: z.number().int().nullable(),
      remaining: z.number().int().nullable(),
    }),
  })
  .openapi("Usage");

export const PageQuery = z.strictObject({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: "limit", in: "query" } }),
  cursor: cursorQuery(500),
  operation: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z][a-z0-9_.]{0,99}$/, "must be an operation name: lowercase letters, digits, _ and .")
    .optional()
    .openapi({
      param: { name: "operation", in: "query" },
      // No example: the reference's try-it would fill it in and filter every audit list by it.
      description: "Only events of this operation (a tool name or e.g. api_keys.issue)",
    }),
  outcome: z
    .enum(AUDIT_OUTCOMES)
    .optional()
    .openapi({ param: { name: "outcome", in: "query" } }),
});

export const AuditListSchema = z
  .object({
    data: z.array(
      z.object({
        id: z.string(),
        actor: z.enum(["admin", "api_key", "system"]),
        api_key_id: z.string().nullable(),
        operation: z.string(),
        params: z.record(z.string(), z.unknown()),
        outcome: z.enum(["ok", "error"]),
        error_code: z.string().nullable(),
        duration_ms: z.number().int(),
        request_id: z.string(),
        created_at: z.string(),
      }),
    ),
    next_cursor: z.string().nullable(),
  })
  .openapi("AuditEvents");
