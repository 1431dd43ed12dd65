// Step Functions (JSON 1.0, AWSStepFunctions): ListStateMachines (maxResults 0-1000, 0 meaning the
// default 100; nextToken, InvalidToken when it is not one we issued) lists names, ARNs, types and
// creation dates but no tags; ListTagsForResource reads one state machine's tags as key/value
// pairs. A state machine seeded as DELETING is not listed: its deletion is under way (AWS does not
// document whether ListStateMachines still lists one). Compared with moto 5.2: moto leaves `type` out
// of list items and answers an unknown ARN's tags with an empty list; AWS documents `type` as always
// present and ResourceNotFound for an unknown resource, and the sandbox follows AWS.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import {
  arnAccount,
  attr,
  createdAt,
  crossAccountDenied,
  epochSeconds,
  optionalString,
  pageScope,
  regional,
} from "./common";

const TYPE = "stepfunctions:statemachine";
const validation = (message: string) => new AwsError("ValidationException", message);

const live = (ctx: OpContext) => regional(ctx, TYPE).filter((r) => r.state !== "DELETING");

function pageSize(input: OpInput): number {
  const raw = input.maxResults;
  if (raw === undefined || raw === null) return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 1000)
    throw validation(
      `1 validation error detected: Value '${String(raw)}' at 'maxResults' failed to satisfy constraint: Member must have value ${value < 0 ? "greater than or equal to 0" : "less than or equal to 1000"}`,
    );
  return value === 0 ? 100 : value;
}

const item = (r: Resource) => ({
  stateMachineArn: r.arn,
  name: r.id,
  type: attr(r, "type", "STANDARD"),
  creationDate: epochSeconds(createdAt(r)),
});

function listStateMachines(ctx: OpContext, input: OpInput) {
  const size = pageSize(input);
  const scope = pageScope(ctx, "ListStateMachines", input, ["nextToken", "maxResults"]);
  const result = page(live(ctx).map(item), {
    token: optionalString(input, "nextToken"),
    size,
    scope,
    code: "InvalidToken",
    param: "nextToken",
  });
  return { stateMachines: result.items, ...(result.next ? { nextToken: result.next } : {}) };
}

function listTagsForResource(ctx: OpContext, input: OpInput) {
  const arn = optionalString(input, "resourceArn");
  if (!arn)
    throw validation(
      "1 validation error detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null",
    );
  if (!/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:/.test(arn))
    throw new AwsError("InvalidArn", `Invalid Arn: '${arn}'`);
  if (arnAccount(arn) !== ctx.account.id) throw crossAccountDenied(ctx, "states:ListTagsForResource", arn);
  const machine = live(ctx).find((r) => r.arn === arn);
  if (!machine) throw new AwsError("ResourceNotFound", `Resource not found: '${arn}'`);
  return { tags: Object.entries(machine.tags).map(([key, value]) => ({ key, value })) };
}

export const stepfunctions: OperationTable = {
  ListStateMachines: { action: "states:ListStateMachines", handle: listStateMachines },
  ListTagsForResource: { action: "states:ListTagsForResource", handle: listTagsForResource },
};
