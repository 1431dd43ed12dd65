import { z } from "@hono/zod-openapi";
import { hasNoNul, NO_NUL_MESSAGE } from "./common";

// The database's own lists: one definition of what a tier or a status can be.
export { CLIENT_STATUSES as STATUSES, CLIENT_TIERS as TIERS } from "@tagc/services";

import { CLIENT_STATUSES as STATUSES, CLIENT_TIERS as TIERS } from "@tagc/services";

export const RegisterBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine(hasNoNul, NO_NUL_MESSAGE)
      .openapi({ example: "Acme Corp" }),
    contact_email: z.email().max(320).openapi({ example: "finops@acme.example" }),
    tier: z.enum(TIERS).openapi({ example: "professional" }),
    aws_account_id: z
      .string()
      .regex(/^\d{12}$/, "must be 12 digits")
      .optional()
      .openapi({ example: "222222222222" }),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region like us-east-1")
      .optional()
      .openapi({ description: "Region of the AWS console link", example: "eu-west-1" }),
  })
  .openapi("RegisterClient");

export const ClientSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    contact_email: z.string(),
    tier: z.enum(TIERS),
    status: z.enum(STATUSES),
    status_reason: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    deleted_at: z.string().nullable(),
  })
  .openapi("Client");

export const ConnectionSchema = z
  .object({
    id: z.string(),
    aws_account_id: z.string().nullable(),
    role_name: z.string(),
    role_arn: z.string().nullable(),
    status: z.enum(STATUSES),
    last_checked_at: z.string().nullable(),
    last_error_code: z.string().nullable(),
    verified_at: z.string().nullable(),
    template_version: z.string(),
  })
  .openapi("Connection");

export const OnboardingSchema = z
  .object({
    external_id: z
      .string()
      .openapi({ description: "Tenant-private: never logged, shown only to this client's admin" }),
    external_id_expires_at: z.string(),
    role_name: z.string(),
    template_url: z.string(),
    quick_create_url: z
      .string()
      .openapi({ description: "One-click CloudFormation quick-create link for the customer" }),
  })
  .openapi("Onboarding");

export const RegistrationSchema = z
  .object({
    client: ClientSchema,
    connection: ConnectionSchema,
    onboarding: OnboardingSchema,
    status: z.enum(STATUSES),
    replayed: z
      .boolean()
      .openapi({ description: "True when an Idempotency-Key replayed an earlier registration" }),
  })
  .openapi("Registration");

export const ClientDetailSchema = ClientSchema.extend({
  connections: z.array(ConnectionSchema),
  // A union, not .nullable(): on a registered component the generator renders .nullable() as
  // allOf [Onboarding, object|null], which refuses the null this route answers once verified.
  onboarding: z.union([OnboardingSchema, z.null()]).openapi({
    description: "The onboarding link and External ID; null once the connection has been verified",
  }),
}).openapi("ClientDetail");

export const ClientListSchema = z
  .object({ data: z.array(ClientSchema), next_cursor: z.string().nullable() })
  .openapi("ClientList");

const VerifyErrorSchema = z.object({ code: z.string(), message: z.string(), fix: z.string().nullable() });

export const VERDICTS = ["connected", "degraded", "inconclusive", "failed"] as const;

export const ProbeSchema = z
  .object({
    family: z.string().openapi({ example: "RDS" }),
    action: z.string().openapi({ example: "rds:DescribeDBInstances" }),
    required: z
      .boolean()
      .openapi({ description: "A denial of a required read is an error; of an optional one, degraded" }),
    outcome: z.enum(["ok", "denied", "failed"]).openapi({
      description: "failed: AWS answered neither a result nor a denial (5xx, timeout, unreadable)",
    }),
    error_code: z.string().nullable().openapi({ example: null }),
  })
  .openapi("Probe");

export const VerifyResultSchema = z
  .object({
    client_id: z.string(),
    status: z.enum(STATUSES),
    verified: z.boolean(),
    aws_account_id: z.string().nullable(),
    role_arn: z.string().nullable(),
    denied_actions: z.array(z.string()),
    consecutive_failures: z.number().int(),
    error: VerifyErrorSchema.nullable(),
    verdict: z.enum(VERDICTS).openapi({
      description:
        "inconclusive: a read failed without a denial, so the status was left unchanged and the poller retries",
    }),
    probes: z
      .array(ProbeSchema)
      .openapi({ description: "One cheap read per permission family, this attempt" }),
    checked_at: z.string(),
  })
  .openapi("VerifyResult");

export const StatusSchema = z
  .object({
    client_id: z.string(),
    status: z.enum(STATUSES),
    aws_account_id: z.string().nullable(),
    role_arn: z.string().nullable(),
    last_checked_at: z.string().nullable(),
    next_check_at: z.string().nullable(),
    verified_at: z.string().nullable(),
    consecutive_failures: z.number().int(),
    last_error_code: z.string().nullable(),
    last_error_message: z.string().nullable(),
    fix: z.string().nullable(),
    external_id_expires_at: z.string().nullable(),
    template_version: z.string(),
    latest_template_version: z.string(),
    template_outdated: z.boolean(),
    policy_import_note: z.string().nullable(),
    probes: z.array(ProbeSchema).openapi({ description: "The last verification attempt's reads" }),
  })
  .openapi("ClientStatus");

export const DeletedSchema = ClientSchema.extend({ revoked_keys: z.number().int() }).openapi("DeletedClient");
