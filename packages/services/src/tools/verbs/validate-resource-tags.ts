import { isGlobalType, parseArn, type Resource, validateResource } from "@tagc/core";
import { currentPolicy } from "../../policy/current";
import type { ToolCtx } from "../context";
import { invalidInput } from "../errors";
import { runScan } from "../scan/run";
import { scanTargets } from "../scan/targets";

export interface ValidateInput {
  resource_arns: string[];
}

interface Parsed {
  arn: string;
  type: string;
  region: string;
  account: string;
  id: string;
}

function parseAll(arns: string[], accounts: string[]): Parsed[] {
  return arns.map((arn, index) => {
    const field = `resource_arns[${index}]`;
    const parsed = parseArn(arn);
    if (!parsed.ok) throw invalidInput(field, `${parsed.message}`);
    const { resourceType, region, account, resourceId } = parsed.arn;
    if (!resourceType) throw invalidInput(field, `${arn} is not a resource type this service scans`);
    // The tenant boundary: an ARN of an AWS account that is not this client's is refused outright.
    if (account && !accounts.includes(account)) {
      throw invalidInput(field, `belongs to AWS account ${account}, which is not connected to this client`);
    }
    return {
      arn,
      type: resourceType,
      region: isGlobalType(resourceType) ? "global" : region,
      account,
      id: resourceId,
    };
  });
}

/** Validates specific resources; `not_found` when AWS does not know one (not as the seed). */
export async function validateResourceTags({ ctx, input }: { ctx: ToolCtx; input: ValidateInput }) {
  const targets = await scanTargets(ctx, undefined);
  const parsed = parseAll(
    input.resource_arns,
    targets.map((t) => t.accountId),
  );
  const { row, policy } = await currentPolicy(ctx.deps.db, ctx.client.id);
  const regions = [...new Set(parsed.map((p) => p.region).filter((r) => r && r !== "global"))];
  const accounts = [...new Set(parsed.map((p) => p.account).filter(Boolean))];
  const scan = await runScan(ctx, {
    tool: "validate_resource_tags",
    resourceTypes: [...new Set(parsed.map((p) => p.type))].sort(),
    regions: regions.length ? regions : undefined,
    targets: accounts.length ? targets.filter((t) => accounts.includes(t.accountId)) : targets,
    policyVersion: row.version,
  });
  const byArn = new Map(scan.resources.map((r) => [r.arn, r]));
  const find = (p: Parsed): Resource | undefined =>
    byArn.get(p.arn) ??
    scan.resources.find(
      (r) => r.type === p.type && r.id === p.id && (p.region === "global" || r.region === p.region),
    );
  const results = parsed.map((p) => {
    const resource = find(p);
    if (!resource)
      return {
        resource_arn: p.arn,
        status: "not_found" as const,
        compliant: null,
        current_tags: null,
        violations: [],
      };
    const violations = validateResource(resource, policy);
    return {
      resource_arn: p.arn,
      status: "found" as const,
      resource_type: resource.type,
      region: resource.region,
      compliant: violations.length === 0,
      current_tags: resource.tags,
      violations,
    };
  });
  return {
    results,
    summary: {
      total: results.length,
      compliant: results.filter((r) => r.compliant === true).length,
      non_compliant: results.filter((r) => r.compliant === false).length,
      not_found: results.filter((r) => r.status === "not_found").length,
    },
    data_quality: scan.data_quality,
  };
}
