// Strategy 3: Application from the resource's name once environment words, numbers, version
// suffixes and region fragments are removed ("orders-api-prod-us-east-1-01" → "orders-api"), 0.6.
import type { Resource } from "../model";
import type { RequiredTag } from "../policy/types";
import { acceptableValue } from "./acceptable";
import { ENVIRONMENT_PHRASES, tagKind } from "./patterns";
import { withoutPhrases } from "./phrases";
import { nameFromArn } from "./resource-name";
import { tokenize } from "./tokens";
import type { TagSuggestion } from "./types";

const AREA = "(?:us|eu|ap|sa|ca|me|af|il|mx|cn)";
const DIRECTION = "(?:east|west|north|south|central|northeast|southeast|northwest|southwest)";
const FRAGMENTS = [
  // us-east-1, us-gov-west-1, eu-central-2
  new RegExp(`(^|[^a-z0-9])${AREA}(?:-gov)?-${DIRECTION}-\\d+(?=$|[^a-z0-9])`, "gi"),
  // Compact codes teams use in names: use1, usw2, euc1, apse2.
  new RegExp(`(^|[^a-z0-9])${AREA}(?:e|w|n|s|c|ne|se|nw|sw)\\d(?=$|[^a-z0-9])`, "gi"),
  // Version suffixes (v2) are numbers too; the tokenizer would otherwise leave a stray "v".
  /(^|[^a-z0-9])v\d+(?=$|[^a-z0-9])/gi,
];

function applicationName(name: string): string {
  const stripped = FRAGMENTS.reduce((text, pattern) => text.replace(pattern, "$1 "), name);
  const words = withoutPhrases(tokenize(stripped), ENVIRONMENT_PHRASES).filter((word) => !/^\d+$/.test(word));
  return words.join("-");
}

export function suggestFromInference(tag: RequiredTag, resource: Resource): TagSuggestion | null {
  if (tagKind(tag.name) !== "application") return null;
  const nameTag = Object.hasOwn(resource.tags, "Name") ? resource.tags.Name!.trim() : "";
  const name = nameTag !== "" ? nameTag : nameFromArn(resource.arn);
  if (!name) return null;
  const inferred = applicationName(name);
  const value = inferred === "" ? null : acceptableValue(tag, inferred);
  if (value === null) return null;
  const origin = nameTag !== "" ? "Name tag" : "resource name";
  return {
    tag: tag.name,
    value,
    confidence: 0.6,
    reasoning: `${origin} "${name}" without environment words, numbers and region fragments reads "${inferred}"`,
    strategy: "inference",
  };
}
