import { isGlobalType, parseArn, suggestTags as suggest } from "@tagc/core";
import { currentPolicy } from "../../policy/current";
import type { ToolCtx } from "../context";
import { invalidInput, ToolError } from "../errors";
import { runScan } from "../scan/run";
import { scanTargets } from "../scan/targets";

const SIMILAR_SAMPLE = 10;

export async function suggestTags({ ctx, input }: { ctx: ToolCtx; input: { resource_arn: string } }) {
  const parsed = parseArn(input.resource_arn);
  if (!parsed.ok) throw invalidInput("resource_arn", parsed.message);
  const { resourceType, region, account, resourceId } = parsed.arn;
  if (!resourceType) throw invalidInput("resource_arn", "is not a resource type this service scans");
  const targets = await scanTargets(ctx, undefined);
  if (account && !targets.some((t) => t.accountId === account)) {
    throw invalidInput(
      "resource_arn",
      `belongs to AWS account ${account}, which is not connected to this client`,
    );
  }
  const { row, policy } = await currentPolicy(ctx.deps.db, ctx.client.id);
  const global = isGlobalType(resourceType);
  const scan = await runScan(ctx, {
    tool: "suggest_tags",
    resourceTypes: [resourceType],
    regions: global || !region ? undefined : [region],
    targets: account ? targets.filter((t) => t.accountId === account) : targets,
    policyVersion: row.version,
  });
  const resource =
    scan.resources.find((r) => r.arn === input.resource_arn) ??
    scan.resources.find((r) => r.type === resourceType && r.id === resourceId);
  if (!resource)
    throw new ToolError(
      "NOT_FOUND",
      `resource_arn: AWS does not know ${input.resource_arn} in this client's account`,
    );
  // Similar resources: same type and account, the tagged ones first, at most ten.
  const similar = scan.resources
    .filter((r) => r.arn !== resource.arn && r.account_id === resource.account_id)
    .sort((a, b) => Object.keys(b.tags).length - Object.keys(a.tags).length || (a.arn < b.arn ? -1 : 1))
    .slice(0, SIMILAR_SAMPLE);
  return { ...suggest({ resource, policy, similar }), data_quality: scan.data_quality };
}
