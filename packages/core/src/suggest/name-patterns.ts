// Strategy 1: Environment, CostCenter and DataClassification from words in the resource's Name tag
// (confidence 0.75) or, failing that, its ARN (0.65, the only name an S3 bucket may have).
import type { Resource } from "../model";
import type { RequiredTag } from "../policy/types";
import { acceptableValue } from "./acceptable";
import type { Concept } from "./patterns";
import { conceptsFor } from "./patterns";
import { findPhrases } from "./phrases";
import { arnResource } from "./resource-name";
import { tokenize } from "./tokens";
import type { TagSuggestion } from "./types";

const loose = (value: string): string => tokenize(value).join(" ");

/** The table's concepts plus each allowed value the table does not already cover, as its own word. */
function conceptsWithAllowedValues(tag: RequiredTag, table: Concept[]): Concept[] {
  const known = new Set(
    table.flatMap((concept) => [loose(concept.canonical), ...concept.phrases.map((p) => p.join(" "))]),
  );
  const extra = (tag.allowed_values ?? [])
    .filter((value) => loose(value) !== "" && !known.has(loose(value)))
    .map((value) => ({ canonical: value, phrases: [tokenize(value)] }));
  return [...table, ...extra];
}

/** The policy's value for a concept: an allowed value spelled like one of its words, else canonical. */
function valueFor(tag: RequiredTag, concept: Concept): string | null {
  const spellings = new Set([loose(concept.canonical), ...concept.phrases.map((p) => p.join(" "))]);
  // An empty allowed list is no list (as the compliance check reads it): the canonical word stands.
  const candidate = tag.allowed_values?.length
    ? tag.allowed_values.find((allowed) => spellings.has(loose(allowed)))
    : concept.canonical;
  return candidate === undefined ? null : acceptableValue(tag, candidate);
}

export function suggestFromNamePatterns(tag: RequiredTag, resource: Resource): TagSuggestion | null {
  const table = conceptsFor(tag.name);
  if (!table) return null;
  const concepts = conceptsWithAllowedValues(tag, table);
  const entries = concepts.flatMap((item) => item.phrases.map((phrase) => ({ item, phrase })));

  const name = Object.hasOwn(resource.tags, "Name") ? resource.tags.Name : undefined;
  const sources = [
    { label: `Name tag "${name}"`, text: name ?? "", confidence: 0.75 },
    {
      label: `ARN resource "${arnResource(resource.arn)}"`,
      text: arnResource(resource.arn),
      confidence: 0.65,
    },
  ];
  for (const source of sources) {
    const hits = findPhrases(tokenize(source.text), entries);
    const found = [...new Set(hits.map((hit) => hit.item))];
    // "prod-to-dev-sync" names two environments: guessing one would be worse than no suggestion.
    if (found.length !== 1) continue;
    const value = valueFor(tag, found[0]!);
    if (value === null) continue;
    return {
      tag: tag.name,
      value,
      confidence: source.confidence,
      reasoning: `${source.label} contains the word "${hits[0]!.text}", which means ${tag.name}=${value}`,
      strategy: "name_pattern",
    };
  }
  return null;
}
