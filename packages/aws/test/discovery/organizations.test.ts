// Tag policies from AWS Organizations: listed to the end, described and parsed; an account
// outside any organization and a role without the permissions give typed errors.
import { convertAwsTagPolicy } from "@tagc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsReadError, describeTagPolicy, listTagPolicies } from "../../src";
import {
  ACME,
  acmeAccount,
  callsIn,
  credentialsOf,
  GLOBEX,
  globexAccount,
  startWorld,
  type World,
} from "./fixtures";

const CONTENT = {
  tags: {
    environment: {
      tag_key: { "@@assign": "Environment" },
      tag_value: { "@@assign": ["production", "staging"] },
      enforced_for: { "@@assign": ["ec2:instance"] },
    },
  },
};
const POLICIES = Array.from({ length: 21 }, (_, i) => ({
  id: `p-tagpol${String(i).padStart(4, "0")}`,
  name: `tags-${i}`,
  description: i === 0 ? "The main one" : "",
  content: CONTENT,
}));

let world: World;
beforeAll(async () => {
  world = await startWorld([
    acmeAccount({ organization: { id: "o-acme12345", tag_policies: POLICIES } }),
    globexAccount(),
  ]);
});
afterAll(() => world.stop());

const access = (tenant = ACME, role: "full" | "probesOnly" = "full") => ({
  config: world.config,
  credentials: credentialsOf(world, tenant, role),
});

describe("listTagPolicies", () => {
  it("lists every tag policy, across pages", async () => {
    world.sandbox.resetCounters();
    const policies = await listTagPolicies(access());
    expect(policies).toHaveLength(21);
    expect(policies[0]).toEqual({
      id: "p-tagpol0000",
      name: "tags-0",
      description: "The main one",
      aws_managed: false,
    });
    expect(policies.map((p) => p.id)).toEqual(POLICIES.map((p) => p.id));
    // Twenty a page.
    expect(callsIn(world.sandbox, ACME.accountId, "us-east-1", "organizations:ListPolicies")).toBe(2);
  });

  it("fails with ORG_NOT_IN_USE outside an organization", async () => {
    const error = await listTagPolicies(access(GLOBEX)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsReadError);
    expect(error).toMatchObject({ code: "ORG_NOT_IN_USE" });
  });

  it("fails with ACCESS_DENIED naming both actions", async () => {
    const error = await listTagPolicies(access(ACME, "probesOnly")).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "ACCESS_DENIED",
      details: { actions: ["organizations:ListPolicies", "organizations:DescribePolicy"] },
    });
    expect((error as Error).message).toContain("organizations:ListPolicies");
    expect((error as Error).message).toContain("organizations:DescribePolicy");
  });
});

describe("describeTagPolicy", () => {
  it("returns the policy with its content parsed, ready for conversion", async () => {
    const policy = await describeTagPolicy({ ...access(), policyId: "p-tagpol0000" });
    expect(policy).toEqual({
      id: "p-tagpol0000",
      name: "tags-0",
      description: "The main one",
      content: CONTENT,
    });
    const converted = convertAwsTagPolicy(policy.content);
    expect(converted.policy.required_tags.map((t) => t.name)).toEqual(["Environment"]);
  });

  it("fails with POLICY_NOT_FOUND for an unknown id, and for a malformed one without calling AWS", async () => {
    await expect(describeTagPolicy({ ...access(), policyId: "p-missing0000" })).rejects.toMatchObject({
      code: "POLICY_NOT_FOUND",
    });
    world.sandbox.resetCounters();
    await expect(describeTagPolicy({ ...access(), policyId: "../etc/passwd" })).rejects.toMatchObject({
      code: "POLICY_NOT_FOUND",
    });
    expect(world.sandbox.counters().by_operation["organizations:DescribePolicy"]).toBeUndefined();
  });

  it("fails with ORG_NOT_IN_USE and ACCESS_DENIED like the list", async () => {
    await expect(describeTagPolicy({ ...access(GLOBEX), policyId: "p-tagpol0000" })).rejects.toMatchObject({
      code: "ORG_NOT_IN_USE",
    });
    await expect(
      describeTagPolicy({ ...access(ACME, "probesOnly"), policyId: "p-tagpol0000" }),
    ).rejects.toMatchObject({ code: "ACCESS_DENIED" });
  });
});
