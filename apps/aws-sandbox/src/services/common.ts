// Helpers the per-service listers share: the caller's regional resources, seeded attributes with
// AWS-looking defaults, cross-account denials and pagination scopes.
import { createHash } from "node:crypto";
import { AwsError } from "../errors";
import type { OpContext, OpInput } from "../protocol/operation";
import type { Resource } from "../world/world";

/** The caller's resources of one type in the region the request was signed for, sorted by id. */
export const regional = (ctx: OpContext, type: string): Resource[] =>
  (ctx.account.byRegion.get(ctx.region) ?? []).filter((r) => r.type === type).sort(byId);

export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A seeded attribute (named as the AWS API names the field), or a plausible default. */
export const attr = <T>(r: Resource, name: string, fallback: T): T =>
  (r.attributes[name] as T | undefined) ?? fallback;

export const createdAt = (r: Resource) => r.created_at ?? "2025-01-01T00:00:00.000Z";

/** JSON protocols send timestamps as epoch seconds. */
export const epochSeconds = (iso: string) => Date.parse(iso) / 1000;

/** Stable pseudo-random identifiers (resource ids, revision ids) derived from an ARN. */
export const stableHex = (seed: string, length: number) =>
  createHash("sha256").update(seed).digest("hex").slice(0, length);

/** A stable version-4-shaped UUID derived from a seed (EKS node group ARNs, Redshift namespaces). */
export function stableUuid(seed: string): string {
  const h = stableHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The account field of an ARN ("" when the ARN has none). */
export const arnAccount = (arn: string) => arn.split(":")[4] ?? "";

/**
 * Naming another account's resource: IAM denies it before the service looks, as AWS does when no
 * resource-based policy grants the caller access. The dispatcher renders it in the service's dialect.
 */
export const crossAccountDenied = (ctx: OpContext, action: string, arn: string) =>
  new AwsError(
    "AccessDenied",
    `User: ${ctx.identity.callerArn} is not authorized to perform: ${action} on resource: ${arn} because no resource-based policy allows the ${action} action`,
    403,
  );

export const optionalString = (input: OpInput, name: string): string | undefined => {
  const value = input[name];
  return typeof value === "string" && value !== "" ? value : undefined;
};

/**
 * What a pagination token is bound to: the caller, region, operation and every parameter except
 * the token and the page size (callers may change the page size mid-walk, as AWS allows).
 */
export function pageScope(ctx: OpContext, operation: string, input: OpInput, omit: string[]): string {
  const rest = Object.entries(input).filter(([key]) => !omit.includes(key));
  rest.sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([ctx.account.id, ctx.region, operation, rest]);
}
