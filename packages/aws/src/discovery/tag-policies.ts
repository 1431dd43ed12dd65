// The organization's tag policies (ListPolicies with Filter TAG_POLICY), every page.
import { ListPoliciesCommand } from "@aws-sdk/client-organizations";
import { organizationsClient, organizationsError } from "./organizations";
import type { AwsAccess } from "./types";

export interface TagPolicySummary {
  id: string;
  name: string;
  description: string;
  aws_managed: boolean;
}

const MAX_PAGES = 500;

/** Throws AwsReadError: ORG_NOT_IN_USE, ACCESS_DENIED (naming the actions), or a classified code. */
export async function listTagPolicies(input: AwsAccess): Promise<TagPolicySummary[]> {
  const client = organizationsClient(input);
  const policies: TagPolicySummary[] = [];
  try {
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await client.send(
        new ListPoliciesCommand({ Filter: "TAG_POLICY", ...(token ? { NextToken: token } : {}) }),
      );
      for (const p of out.Policies ?? []) {
        if (!p.Id) continue;
        policies.push({
          id: p.Id,
          name: p.Name ?? "",
          description: p.Description ?? "",
          aws_managed: p.AwsManaged ?? false,
        });
      }
      const next = out.NextToken || undefined;
      if (!next || next === token) break;
      token = next;
    }
    return policies;
  } catch (error) {
    throw organizationsError(error);
  } finally {
    client.destroy();
  }
}
