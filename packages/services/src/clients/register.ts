import { DEFAULT_POLICY } from "@tagc/core";
import type { ClientTier } from "@tagc/db";
import {
  awsConnections,
  type Client,
  clients,
  isUniqueViolation,
  newId,
  newShortId,
  taggingPolicies,
} from "@tagc/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import type { Ctx } from "../context";
import { ServiceError } from "../errors";
import { generateExternalId } from "../onboarding/external-id";
import { roleArnFor, roleNameFor } from "../onboarding/quick-create";
import { primaryConnection } from "./load";
import { registrationView } from "./registration-view";

export interface RegisterInput {
  name: string;
  contact_email: string;
  tier: ClientTier;
  aws_account_id?: string | undefined;
  /** Region of the AWS console link. */
  region?: string | undefined;
  /** The Idempotency-Key header: a retried POST returns the first registration. */
  idempotency_key?: string | undefined;
}

/** Registers a client: its External ID, role name, default policy and a pending connection. */
export async function registerClient({ ctx, input }: { ctx: Ctx; input: RegisterInput }) {
  const { db, onboarding } = ctx.deps;
  if (input.idempotency_key) {
    const existing = await findByIdempotencyKey(ctx, input.idempotency_key);
    if (existing) return replay(ctx, existing, input);
  }
  const now = ctx.deps.now();
  const clientId = newId("cli");
  const shortId = newShortId();
  const roleName = roleNameFor(onboarding.roleNamePrefix, shortId);
  try {
    const client = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(clients)
        .values({
          id: clientId,
          shortId,
          name: input.name,
          contactEmail: input.contact_email,
          tier: input.tier,
          status: "pending",
          idempotencyKey: input.idempotency_key ?? null,
        })
        .returning();
      await tx.insert(awsConnections).values({
        id: newId("con"),
        clientId,
        accountId: input.aws_account_id ?? null,
        roleName,
        roleArn: input.aws_account_id ? roleArnFor(input.aws_account_id, roleName) : null,
        externalId: generateExternalId(),
        externalIdExpiresAt: new Date(now.getTime() + onboarding.externalIdTtlHours * 3_600_000),
        status: "pending",
        // Background verification starts polling half a minute after registration.
        nextCheckAt: new Date(now.getTime() + 30_000),
        templateVersion: onboarding.templateVersion,
      });
      await tx.insert(taggingPolicies).values({
        clientId,
        version: 1,
        document: structuredClone(DEFAULT_POLICY) as unknown as Record<string, unknown>,
        source: "default",
      });
      await recordAudit(
        tx,
        { ...ctx, client: row! },
        {
          operation: "clients.register",
          params: {
            name: input.name,
            tier: input.tier,
            aws_account_id: input.aws_account_id ?? null,
            region: input.region ?? null,
          },
        },
      );
      return row!;
    });
    return { ...(await registrationView(ctx, client, input.region)), replayed: false };
  } catch (error) {
    // Two concurrent POSTs with one Idempotency-Key: the loser answers with the winner's registration.
    if (input.idempotency_key && isUniqueViolation(error)) {
      const existing = await findByIdempotencyKey(ctx, input.idempotency_key);
      if (existing) return replay(ctx, existing, input);
    }
    throw error;
  }
}

/**
 * A replay answers the first registration, External ID included, so it must be the same request: a
 * key reused for another customer would hand that customer the first one's External ID (and with it
 * a role trusted under the first client). Like the IETF Idempotency-Key draft, a different payload is
 * refused with 422.
 */
async function replay(ctx: Ctx, existing: Client, input: RegisterInput) {
  const connection = await primaryConnection(ctx.deps.db, existing.id);
  const same =
    existing.name === input.name &&
    existing.contactEmail === input.contact_email &&
    existing.tier === input.tier &&
    (input.aws_account_id === undefined || input.aws_account_id === connection.accountId);
  if (!same) {
    throw new ServiceError(
      "UNPROCESSABLE",
      "idempotency-key: was already used for a registration with different parameters; use a new key",
      { field: "idempotency-key" },
    );
  }
  return { ...(await registrationView(ctx, existing, input.region)), replayed: true };
}

async function findByIdempotencyKey(ctx: Ctx, key: string): Promise<Client | undefined> {
  const [row] = await ctx.deps.db.select().from(clients).where(eq(clients.idempotencyKey, key)).limit(1);
  return row;
}
