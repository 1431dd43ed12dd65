// One tag policy's document (DescribePolicy), parsed: core's convertAwsTagPolicy reads it.
import { DescribePolicyCommand, type Policy } from "@aws-sdk/client-organizations";
import { AwsReadError } from "./errors";
import { organizationsClient, organizationsError, policyNotFound } from "./organizations";
import type { AwsAccess } from "./types";

export interface TagPolicyDocument {
  id: string;
  name: string;
  description: string;
  /** The policy document as a JSON object. */
  content: Record<string, unknown>;
}

export interface DescribeTagPolicyInput extends AwsAccess {
  policyId: string;
}

/** Organizations' own id syntax: checked here so a malformed id never reaches AWS. */
const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;

function parseContent(content: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(content ?? "");
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // reported below
  }
  throw new AwsReadError("UNKNOWN", "The tag policy's document is not a JSON object.", {
    retryable: false,
    fix: "Fix the tag policy in AWS Organizations (its content must be a JSON object), then import again.",
  });
}

/** Throws AwsReadError: ORG_NOT_IN_USE, POLICY_NOT_FOUND, ACCESS_DENIED (naming the actions)... */
export async function describeTagPolicy(input: DescribeTagPolicyInput): Promise<TagPolicyDocument> {
  if (!POLICY_ID.test(input.policyId)) throw policyNotFound();
  const client = organizationsClient(input);
  let policy: Policy | undefined;
  try {
    policy = (await client.send(new DescribePolicyCommand({ PolicyId: input.policyId }))).Policy;
  } catch (error) {
    throw organizationsError(error);
  } finally {
    client.destroy();
  }
  const summary = policy?.PolicySummary;
  // Another policy type (an SCP...) under this id is not a tag policy to import.
  if (!policy || (summary?.Type && summary.Type !== "TAG_POLICY")) throw policyNotFound();
  return {
    id: summary?.Id ?? input.policyId,
    name: summary?.Name ?? "",
    description: summary?.Description ?? "",
    content: parseContent(policy.Content),
  };
}
