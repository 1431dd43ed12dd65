// Inheritance: an EBS volume belongs to the instance it is attached to, and a snapshot to the volume
// it was taken from, so their missing tags are the parent's (Cloud Custodian's copy-related-tag
// pattern). The parent's value is proposed only when the policy accepts it, exactly as spelt.
import type { Resource } from "../model";
import type { RequiredTag } from "../policy/types";
import { acceptableValue } from "./acceptable";
import type { TagSuggestion } from "./types";

/** The parent's type for the types that inherit; absent means the type has no parent. */
export const PARENT_TYPE: Readonly<Record<string, string>> = {
  "ec2:volume": "ec2:instance",
  "ec2:snapshot": "ec2:volume",
};

/** A snapshot's volume may itself lack the tag; its instance is then the source, two hops up. */
const MAX_HOPS = 2;

/** The chain of parents of `resource` found in `candidates`: same account and region, known type. */
export function parentsOf(resource: Resource, candidates: readonly Resource[]): Resource[] {
  const chain: Resource[] = [];
  let child = resource;
  while (chain.length < MAX_HOPS) {
    const type = PARENT_TYPE[child.type];
    const id = child.parent_id;
    if (!type || !id) break;
    const parent = candidates.find(
      (r) => r.type === type && r.id === id && r.account_id === child.account_id && r.region === child.region,
    );
    if (!parent) break;
    chain.push(parent);
    child = parent;
  }
  return chain;
}

export function suggestFromParents(tag: RequiredTag, parents: readonly Resource[]): TagSuggestion | null {
  for (const [hop, parent] of parents.entries()) {
    if (!Object.hasOwn(parent.tags, tag.name)) continue;
    // "case" only: the parent's value is read off a resource and judged exactly like its own tag.
    const value = acceptableValue(tag, parent.tags[tag.name] ?? "", "case");
    if (value === null) continue;
    return {
      tag: tag.name,
      value,
      confidence: 0.95,
      reasoning: `inherited from ${parent.id}${hop > 0 ? ` (through ${parents[0]?.id ?? ""})` : ""}`,
      strategy: "inherited",
    };
  }
  return null;
}
