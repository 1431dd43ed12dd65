// Tool 3: specific resources by ARN against the policy; `not_found` when AWS does not know one (not
// as the seed, which reported every tag missing). Computed by core's parseArn and validateResource.
import {
  countsAgainstCompliance,
  isExcluded,
  isGlobalType,
  notTaggableReason,
  parseArn,
  type Resource,
  validateResource,
} from "@tagc/core";
import { z } from "zod";
import { invalid } from "../errors";
import { defineTool } from "./define";
import { cursor, limit } from "./inputs";
import { dataQuality } from "./outputs";
import { morePages, pageOf } from "./page";
import { scanAccounts } from "./scan/pipeline";
import { scanTargets } from "./scan/targets";

const ARN = z
  .string()
  .max(2048)
  .regex(
    /^arn:aws(-cn|-us-gov)?:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/,
    "must be an ARN: arn:partition:service:region:account:resource",
  );

/** What a tag named in a violation must hold, from the policy. */
interface TagRule {
  allowed_values: string[] | null;
  validation_regex?: string;
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
    if (!parsed.ok) throw invalid(field, parsed.message);
    const { resourceType, region, account, resourceId } = parsed.arn;
    if (!resourceType) throw invalid(field, `${arn} is not a resource type this service scans`);
    // The tenant boundary: an ARN of an AWS account that is not this client's is refused outright.
    if (account && !accounts.includes(account)) {
      throw invalid(field, `belongs to AWS account ${account}, which is not connected to this client`);
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

export const validateResourceTags = defineTool({
  name: "validate_resource_tags",
  title: "Validate specific resources",
  description:
    "Validates up to 100 ARNs against the policy. ARNs must be in the client's own accounts. A resource AWS does not know is not_found (not missing every tag); one the policy's exclusions set aside is excluded; one of a type AWS cannot tag (glue:table) is not_taggable, never a violation. Results: 25 a page (limit; next_cursor with the same ARNs).",
  input: z.strictObject({
    resource_arns: z.array(ARN).min(1).max(100, "at most 100 ARNs per call"),
    // Results come in pages like every list: 100 resources with their tags were over 10,000 tokens.
    cursor: cursor.optional(),
    limit: limit.optional(),
  }),
  output: z.object({
    results: z.array(
      z.object({
        resource_arn: z.string(),
        status: z.enum(["found", "not_found", "excluded", "not_taggable"]),
      }),
    ),
    /** Per tag named in a violation: its allowed values and pattern, stated once. */
    tag_rules: z.record(
      z.string(),
      z.object({ allowed_values: z.array(z.string()).nullable(), validation_regex: z.string().optional() }),
    ),
    remaining: z.number(),
    next_cursor: z.string().nullable(),
    summary: z.object({
      total: z.number(),
      compliant: z.number(),
      non_compliant: z.number(),
      not_found: z.number(),
      excluded: z.number(),
      not_taggable: z.number(),
    }),
    data_quality: dataQuality,
  }),
  mutates: false,
  readsAws: true,
  async run(ctx, input) {
    const targets = await scanTargets(ctx, undefined);
    const parsed = parseAll(
      input.resource_arns,
      targets.map((t) => t.accountId),
    );
    const regions = [...new Set(parsed.map((p) => p.region).filter((r) => r && r !== "global"))];
    const accounts = [...new Set(parsed.map((p) => p.account).filter(Boolean))];
    const { plan, scan } = await scanAccounts(ctx, {
      tool: "validate_resource_tags",
      resourceTypes: [...new Set(parsed.map((p) => p.type))].sort(),
      regions: regions.length ? regions : undefined,
      targets: accounts.length ? targets.filter((t) => accounts.includes(t.accountId)) : targets,
    });
    const byArn = new Map(scan.resources.map((r) => [r.arn, r]));
    const find = (p: Parsed): Resource | undefined =>
      byArn.get(p.arn) ??
      scan.resources.find(
        (r) => r.type === p.type && r.id === p.id && (p.region === "global" || r.region === p.region),
      );
    const tagRules: Record<string, TagRule> = {};
    const results = parsed.map((p) => {
      const resource = find(p);
      if (!resource) {
        return {
          resource_arn: p.arn,
          status: "not_found" as const,
          compliant: null,
          current_tags: null,
          violations: [],
        };
      }
      // The policy's exclusions set the resource aside: it is not judged, and says so.
      if (isExcluded(plan.policy, resource)) {
        return {
          resource_arn: p.arn,
          status: "excluded" as const,
          resource_type: resource.type,
          region: resource.region,
          compliant: null,
          current_tags: resource.tags,
          violations: [],
        };
      }
      // AWS cannot tag this type: no tag is missing that anyone could add, so it is not judged.
      const reason = notTaggableReason(resource.type);
      if (reason !== undefined) {
        return {
          resource_arn: p.arn,
          status: "not_taggable" as const,
          resource_type: resource.type,
          region: resource.region,
          compliant: null,
          current_tags: null,
          reason,
          violations: [],
        };
      }
      const violations = validateResource(resource, plan.policy);
      return {
        resource_arn: p.arn,
        status: "found" as const,
        resource_type: resource.type,
        region: resource.region,
        // Advisory violations (a value alias under "warning" treatment) leave the resource compliant.
        compliant: !violations.some(countsAgainstCompliance),
        current_tags: resource.tags,
        // The resource's fields are on the result once, and each tag's rule once for the whole
        // answer (tag_rules), not repeated in every violation: 100 ARNs at a handful of violations
        // each was over 20,000 tokens, and still 13,800 with the allowed values repeated.
        violations: violations.map(
          ({
            resource_id: _id,
            resource_arn: _arn,
            resource_type: _type,
            region: _r,
            account_id: _a,
            allowed_values,
            validation_regex,
            // No costs are read for a validation: the estimate is always 0 here, so it says nothing.
            cost_impact_monthly: _cost,
            current_value,
            ...v
          }) => {
            tagRules[v.tag_name] ??= { allowed_values, ...(validation_regex ? { validation_regex } : {}) };
            // A missing tag has no value; one that is present says what it holds.
            return current_value === null ? v : { ...v, current_value };
          },
        ),
      };
    });
    const page = pageOf(results, input.cursor, input.limit);
    const shown = new Set(page.items.flatMap((r) => r.violations.map((v) => v.tag_name)));
    return {
      results: page.items,
      tag_rules: Object.fromEntries(Object.entries(tagRules).filter(([tag]) => shown.has(tag))),
      remaining: page.remaining,
      next_cursor: page.next_cursor,
      summary: {
        total: results.length,
        compliant: results.filter((r) => r.compliant === true).length,
        non_compliant: results.filter((r) => r.compliant === false).length,
        not_found: results.filter((r) => r.status === "not_found").length,
        excluded: results.filter((r) => r.status === "excluded").length,
        not_taggable: results.filter((r) => r.status === "not_taggable").length,
      },
      data_quality: scan.data_quality,
    };
  },
  summarize: ({ summary: s, results, remaining }) =>
    [
      `${s.compliant} compliant, ${s.non_compliant} non-compliant, ${s.not_found} not found${s.excluded ? `, ${s.excluded} excluded by the policy` : ""}${s.not_taggable ? `, ${s.not_taggable} of a type AWS cannot tag (not a violation)` : ""} (of ${s.total}).`,
      morePages(results.length, remaining, "results"),
    ]
      .filter(Boolean)
      .join(" "),
});
