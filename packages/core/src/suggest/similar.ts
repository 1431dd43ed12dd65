// Strategy 2: the most common accepted value of the tag among up to 10 similar resources (same type,
// same account). Confidence 0.70 × share × min(1, sample/5), clamped to [0.1, 0.95]: the share is
// the winning value's fraction of the whole sample, so untagged or invalid neighbours lower it. A
// neighbour votes only with a value the policy allows, up to letter case (then in the policy's
// spelling): the suggestion is always an allowed value the neighbours actually carry.
import type { Resource } from "../model";
import type { RequiredTag } from "../policy/types";
import { acceptableValue } from "./acceptable";
import type { TagSuggestion } from "./types";

const SAMPLE_LIMIT = 10;
const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The neighbours considered, in the caller's order (e.g. most recently seen first). */
export function similarSample(resource: Resource, similar: readonly Resource[]): Resource[] {
  const seen = new Set([resource.arn]);
  const sample: Resource[] = [];
  for (const other of similar) {
    if (sample.length === SAMPLE_LIMIT) break;
    if (other.type !== resource.type || other.account_id !== resource.account_id || seen.has(other.arn))
      continue;
    seen.add(other.arn);
    sample.push(other);
  }
  return sample;
}

export function suggestFromSimilar(
  tag: RequiredTag,
  resource: Resource,
  similar: readonly Resource[],
): TagSuggestion | null {
  const sample = similarSample(resource, similar);
  const counts = new Map<string, number>();
  for (const other of sample) {
    if (!Object.hasOwn(other.tags, tag.name)) continue;
    const value = acceptableValue(tag, other.tags[tag.name]!, "case");
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  // Highest count wins; ties go to the alphabetically first value so the answer never depends on order.
  const best = [...counts].sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0))[0];
  if (!best) return null;
  const [value, count] = best;
  const raw = 0.7 * (count / sample.length) * Math.min(1, sample.length / 5);
  return {
    tag: tag.name,
    value,
    confidence: round2(Math.min(0.95, Math.max(0.1, raw))),
    reasoning: `${count} of ${sample.length} similar ${resource.type} resources in account ${resource.account_id} have ${tag.name}=${value}`,
    strategy: "similar_resources",
  };
}
