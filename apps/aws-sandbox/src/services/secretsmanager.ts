// Secrets Manager (JSON 1.1): ListSecrets with MaxResults/NextToken, Tags inline on every entry,
// secrets scheduled for deletion left out unless IncludePlannedDeletion. Never a secret value.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import { attr, createdAt, epochSeconds, pageScope, regional } from "./common";

const invalid = (message: string) => new AwsError("InvalidParameterException", message);

/** A seeded secret "scheduled-deletion" has a DeletedDate: the day it will be deleted. */
const scheduled = (r: Resource) => r.state === "scheduled-deletion";

function entry(r: Resource) {
  const name = attr(r, "Name", r.id);
  const created = epochSeconds(createdAt(r));
  return {
    ARN: r.arn,
    Name: name,
    ...(attr(r, "Description", "") ? { Description: attr(r, "Description", "") } : {}),
    LastChangedDate: created,
    ...(scheduled(r) ? { DeletedDate: created + 30 * 86_400 } : {}),
    // An untagged secret's entry has no Tags member at all (as moto answers too).
    ...(Object.keys(r.tags).length
      ? { Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })) }
      : {}),
    SecretVersionsToStages: { [`${r.id}-v1`]: ["AWSCURRENT"] },
    CreatedDate: created,
  };
}

function maxResults(input: OpInput): number {
  const raw = input.MaxResults;
  if (raw === undefined || raw === null) return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100)
    throw invalid(
      `1 validation error detected: Value '${String(raw)}' at 'maxResults' failed to satisfy constraint: Member must have value ${value < 1 ? "greater than or equal to 1" : "less than or equal to 100"}`,
    );
  return value;
}

function listSecrets(ctx: OpContext, input: OpInput) {
  const size = maxResults(input);
  const withPlanned = input.IncludePlannedDeletion === true;
  const secrets = regional(ctx, "secretsmanager:secret").filter((r) => withPlanned || !scheduled(r));
  const token = typeof input.NextToken === "string" && input.NextToken !== "" ? input.NextToken : undefined;
  const scope = pageScope(ctx, "ListSecrets", input, ["NextToken", "MaxResults"]);
  const result = page(secrets, { token, size, scope, code: "InvalidNextTokenException", param: "NextToken" });
  return { SecretList: result.items.map(entry), ...(result.next ? { NextToken: result.next } : {}) };
}

export const secretsmanager: OperationTable = {
  ListSecrets: { action: "secretsmanager:ListSecrets", handle: listSecrets },
};
