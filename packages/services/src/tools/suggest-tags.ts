// Tool 5: values for a resource's missing required tags from its name and ARN, similar resources and
// inference, each with a confidence. Computed by core's suggestTags.
import { isGlobalType, PARENT_TYPE, parseArn, suggestTags as suggest } from "@tagc/core";
import { z } from "zod";
import { invalid, ServiceError } from "../errors";
import { defineTool } from "./define";
import { dataQuality } from "./outputs";
import { scanAccounts } from "./scan/pipeline";
import { scanTargets } from "./scan/targets";

const SIMILAR_SAMPLE = 10;

/** The types up the inheritance chain of `type` (ec2:snapshot -> ec2:volume -> ec2:instance). */
function parentTypesOf(type: string): string[] {
  const chain: string[] = [];
  for (let parent = PARENT_TYPE[type]; parent && !chain.includes(parent); parent = PARENT_TYPE[parent])
    chain.push(parent);
  return chain;
}

export const suggestTags = defineTool({
  name: "suggest_tags",
  title: "Suggest tags",
  description:
    "Suggests values for a resource's missing required tags from the resource it belongs to (an EBS volume's attached instance, a snapshot's source volume), its name and ARN, similar resources, and inference, each with a confidence and reasoning. Suggestions outside a tag's allowed values are dropped. Present them as suggestions for a human to confirm.",
  input: z.strictObject({ resource_arn: z.string().min(1).max(2048) }),
  output: z.object({
    resource_arn: z.string(),
    suggestions: z.array(z.object({ tag: z.string(), value: z.string(), confidence: z.number() })),
    data_quality: dataQuality,
  }),
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    const parsed = parseArn(input.resource_arn);
    if (!parsed.ok) throw invalid("resource_arn", parsed.message);
    const { resourceType, region, account, resourceId } = parsed.arn;
    if (!resourceType) throw invalid("resource_arn", "is not a resource type this service scans");
    const targets = await scanTargets(ctx, undefined);
    if (account && !targets.some((t) => t.accountId === account)) {
      throw invalid(
        "resource_arn",
        `belongs to AWS account ${account}, which is not connected to this client`,
      );
    }
    const { plan, scan } = await scanAccounts(ctx, {
      tool: "suggest_tags",
      // A volume's instance and a snapshot's volume (and its instance) are read too, for inheritance.
      resourceTypes: [...new Set([resourceType, ...parentTypesOf(resourceType)])].sort(),
      regions: isGlobalType(resourceType) || !region ? undefined : [region],
      targets: account ? targets.filter((t) => t.accountId === account) : targets,
    });
    const resource =
      scan.resources.find((r) => r.arn === input.resource_arn) ??
      scan.resources.find((r) => r.type === resourceType && r.id === resourceId);
    if (!resource) {
      throw new ServiceError(
        "NOT_FOUND",
        `resource_arn: AWS does not know ${input.resource_arn} in this client's account`,
      );
    }
    // Similar resources: same type and account, the tagged ones first, at most ten.
    const similar = scan.resources
      .filter(
        (r) => r.arn !== resource.arn && r.type === resource.type && r.account_id === resource.account_id,
      )
      .sort((a, b) => Object.keys(b.tags).length - Object.keys(a.tags).length || (a.arn < b.arn ? -1 : 1))
      .slice(0, SIMILAR_SAMPLE);
    return {
      ...suggest({ resource, policy: plan.policy, similar, related: scan.resources }),
      data_quality: scan.data_quality,
    };
  },
  summarize: (r) => `${r.suggestions.length} tag suggestions for ${r.resource_arn}.`,
});
