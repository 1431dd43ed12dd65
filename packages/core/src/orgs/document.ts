// Reading the raw tag policy document: the Organizations API returns it as a JSON string, a caller
// may already hold it as an object. Everything past this point works on plain records.
import { CoreInputError } from "../errors";

export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The document's `tags` map plus its other top-level keys (which carry no tag rules). */
export function readTagPolicyDocument(document: unknown): { tags: JsonRecord; otherKeys: string[] } {
  let parsed = document;
  if (typeof document === "string") {
    try {
      parsed = JSON.parse(document);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new CoreInputError("policy", `the tag policy is not valid JSON: ${detail}`);
    }
  }
  if (!isRecord(parsed)) throw new CoreInputError("policy", "the tag policy must be a JSON object");
  const tags = parsed.tags;
  if (!isRecord(tags)) {
    throw new CoreInputError(
      "policy",
      'the tag policy has no "tags" object; is this an AWS Organizations tag policy?',
    );
  }
  return { tags, otherKeys: Object.keys(parsed).filter((key) => key !== "tags") };
}

/**
 * The value an AWS policy node assigns: `{ "@@assign": x }` gives x, and a bare value (a plain list,
 * or a plain string for tag_key) is accepted as its own assignment, as AWS's examples sometimes show.
 */
export function assigned(node: unknown): unknown {
  return isRecord(node) ? node["@@assign"] : node;
}

/** `@@` operators other than @@assign found directly in a node (its inheritance controls). */
export const otherOperators = (node: unknown): string[] =>
  isRecord(node) ? Object.keys(node).filter((key) => key.startsWith("@@") && key !== "@@assign") : [];
