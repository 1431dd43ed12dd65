// The Custodian policies for one resource type and one check. A dry run gets one policy whose `or`
// over the tags sends one notification per resource; a fix gets one policy per tag, so each `tag`
// action only touches resources that have that tag's fault and never rewrites a good value.
import { type CustodianAction, notifyAction, tagAction } from "./custodian-actions";
import {
  anyOf,
  type CustodianFilter,
  hasValueRule,
  invalidValueFilter,
  missingTagFilter,
} from "./custodian-filters";
import { addWarning, type CustodianWarnings } from "./custodian-warnings";
import { placeholderFor } from "./placeholder";
import type { TargetTag } from "./target-tags";

export type CustodianViolationType = "missing_tag" | "invalid_value";

export interface CustodianPolicy {
  name: string;
  resource: string;
  description: string;
  filters: CustodianFilter[];
  actions: CustodianAction[];
}

export interface PolicyContext {
  policyVersion: string;
  dryRun: boolean;
  /** Names already taken: Custodian refuses a file with two policies of the same name. */
  usedNames: Set<string>;
  warnings: CustodianWarnings;
}

const CHECKS = {
  missing_tag: { label: "missing", slug: "missing", filter: missingTagFilter },
  invalid_value: { label: "with an invalid value for", slug: "invalid", filter: invalidValueFilter },
} as const;

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40) || "tag";

function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  used.add(name);
  return name;
}

/** The fix for one tag: write its placeholder, unless that would replace a wrong value by another. */
function fixAction(tag: TargetTag, violation: CustodianViolationType, ctx: PolicyContext): CustodianAction {
  const placeholder = placeholderFor(tag);
  if (placeholder.warning) {
    addWarning(ctx.warnings, {
      code: "placeholder_not_valid",
      resource_type: null,
      message: placeholder.warning,
    });
  }
  if (violation === "missing_tag" || placeholder.satisfies) return tagAction(tag.name, placeholder);
  addWarning(ctx.warnings, {
    code: "invalid_value_notified",
    resource_type: null,
    message: `invalid "${tag.name}" values are notified, not overwritten, for lack of a valid placeholder`,
  });
  return notifyAction(`[Tag compliance] invalid ${tag.name}`, `with an invalid value for ${tag.name}`);
}

export function policiesForCheck(
  type: string,
  resource: string,
  tags: TargetTag[],
  violation: CustodianViolationType,
  ctx: PolicyContext,
): { policy: CustodianPolicy; tags: string[] }[] {
  const check = CHECKS[violation];
  // A tag with neither allowed_values nor a regex accepts any value: nothing to check.
  const checked = violation === "invalid_value" ? tags.filter(hasValueRule) : tags;
  const build = (suffix: string, group: TargetTag[], action: CustodianAction) => {
    const names = group.map((tag) => tag.name);
    const policy: CustodianPolicy = {
      name: uniqueName(`tagc-${resource}-${suffix}`, ctx.usedNames),
      resource,
      description: `${type} resources ${check.label} ${names.join(", ")} (tagging policy ${ctx.policyVersion})`,
      filters: [anyOf(group.map(check.filter))],
      actions: [action],
    };
    return { policy, tags: names };
  };
  if (checked.length === 0) return [];
  if (ctx.dryRun) {
    const names = checked.map((tag) => tag.name).join(", ");
    const notify = notifyAction(
      `[Tag compliance] ${type} resources ${check.label} required tags`,
      `${check.label} ${names}`,
    );
    return [build(`${check.slug}-tags`, checked, notify)];
  }
  return checked.map((tag) =>
    build(`${check.slug}-${slugOf(tag.name)}`, [tag], fixAction(tag, violation, ctx)),
  );
}
