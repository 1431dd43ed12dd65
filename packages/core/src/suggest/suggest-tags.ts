// suggest_tags (TOOLS.md tool 5): for each missing applicable required tag, in policy order, the
// first strategy that yields an acceptable value wins: the parent's tag (a volume's instance, a
// snapshot's volume), name patterns, similar resources, inference.
import type { Resource } from "../model";
import { applicableRequiredTags } from "../policy/applicable";
import type { TaggingPolicy } from "../policy/types";
import { suggestFromInference } from "./inference";
import { parentsOf, suggestFromParents } from "./inherited";
import { suggestFromNamePatterns } from "./name-patterns";
import { suggestFromSimilar } from "./similar";
import type { TagSuggestion, TagSuggestions } from "./types";

export function suggestTags({
  resource,
  policy,
  similar = [],
  related = [],
}: {
  resource: Resource;
  policy: TaggingPolicy;
  /** Candidate neighbours; only the first 10 of the same type and account are used. */
  similar?: readonly Resource[];
  /** Resources a parent is looked up in (the account's instances and volumes). */
  related?: readonly Resource[];
}): TagSuggestions {
  const suggestions: TagSuggestion[] = [];
  const parents = parentsOf(resource, related);
  for (const tag of applicableRequiredTags(policy, resource.type)) {
    // Own-key check: a tag named "constructor" must not be found on Object.prototype.
    if (Object.hasOwn(resource.tags, tag.name)) continue;
    const suggestion =
      suggestFromParents(tag, parents) ??
      suggestFromNamePatterns(tag, resource) ??
      suggestFromSimilar(tag, resource, similar) ??
      suggestFromInference(tag, resource);
    if (suggestion) suggestions.push(suggestion);
  }
  return { resource_arn: resource.arn, current_tags: { ...resource.tags }, suggestions };
}
