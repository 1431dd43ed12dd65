import {
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  paginateListPolicies,
  paginateListTargetsForPolicy,
} from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME,
  acmeAccount,
  assume,
  clientConfig,
  GLOBEX,
  GLOBEX_EXTERNAL_ID,
  globexAccount,
  startTestSandbox,
} from "./fixtures";
import { errorOf, narrowSession } from "./service-helpers";

const ORG = "o-a1b2c3d4e5";
const costCenterPolicy = {
  tags: {
    costcenter: {
      tag_key: { "@@assign": "CostCenter" },
      tag_value: { "@@assign": ["Engineering", "Sales"] },
      enforced_for: { "@@assign": ["ec2:instance"] },
    },
  },
};
const targets = [
  { id: "r-ab12", name: "Root", type: "ROOT" as const },
  ...Array.from({ length: 44 }, (_, i) => ({
    id: `ou-ab12-${String(i).padStart(8, "0")}`,
    name: `OU ${i}`,
    type: "ORGANIZATIONAL_UNIT" as const,
  })),
  { id: ACME, name: "acme", type: "ACCOUNT" as const },
];
const filler = Array.from({ length: 1003 }, (_, i) => ({
  id: `p-${String(i).padStart(8, "0")}`,
  name: `policy ${i}`,
  content: { tags: {} },
}));

let sandbox: Sandbox;
let org: OrganizationsClient;

beforeAll(async () => {
  sandbox = await startTestSandbox([
    acmeAccount({
      organization: {
        id: ORG,
        tag_policies: [
          {
            id: "p-costcntr1",
            name: "CostCenter",
            description: "Cost centers",
            content: costCenterPolicy,
            targets,
          },
          { id: "p-notarget", name: "Unattached", content: { tags: {} } },
          ...filler,
        ],
      },
    }),
    globexAccount(),
  ]);
  org = new OrganizationsClient(clientConfig(sandbox, await assume(sandbox)));
});
afterAll(() => sandbox.stop());

describe("ListPolicies", () => {
  it("walks 1,005 tag policies to the end with the paginator", async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListPolicies({ client: org, pageSize: 20 }, { Filter: "TAG_POLICY" })) {
      pages += 1;
      ids.push(...(page.Policies ?? []).map((p) => p.Id!));
    }
    expect(pages).toBe(51);
    expect(ids).toHaveLength(1005);
    expect(new Set(ids).size).toBe(1005);
  });

  it("summarises a policy the way Organizations does", async () => {
    const out = await org.send(new ListPoliciesCommand({ Filter: "TAG_POLICY", MaxResults: 2 }));
    expect(out.Policies).toEqual([
      {
        Id: "p-costcntr1",
        Arn: `arn:aws:organizations::${ACME}:policy/${ORG}/tag_policy/p-costcntr1`,
        Name: "CostCenter",
        Description: "Cost centers",
        Type: "TAG_POLICY",
        AwsManaged: false,
      },
      {
        Id: "p-notarget",
        Arn: `arn:aws:organizations::${ACME}:policy/${ORG}/tag_policy/p-notarget`,
        Name: "Unattached",
        Description: "",
        Type: "TAG_POLICY",
        AwsManaged: false,
      },
    ]);
    expect(out.NextToken).toBeTruthy();
  });

  it("lists no policies of the other types", async () => {
    const out = await org.send(new ListPoliciesCommand({ Filter: "SERVICE_CONTROL_POLICY" }));
    expect(out.Policies).toEqual([]);
    expect(out.NextToken).toBeUndefined();
  });

  it.each([
    ["an unknown Filter", { Filter: "NOT_A_TYPE" }],
    ["a missing Filter", {}],
    ["MaxResults 21", { Filter: "TAG_POLICY", MaxResults: 21 }],
    ["MaxResults 0", { Filter: "TAG_POLICY", MaxResults: 0 }],
    ["a forged NextToken", { Filter: "TAG_POLICY", NextToken: "forged" }],
  ])("rejects %s with InvalidInputException", async (_label, input) => {
    const error = await errorOf(org.send(new ListPoliciesCommand(input as never)));
    expect(error.name).toBe("InvalidInputException");
  });
});

describe("DescribePolicy", () => {
  it("returns the summary and the document as JSON text", async () => {
    const out = await org.send(new DescribePolicyCommand({ PolicyId: "p-costcntr1" }));
    expect(out.Policy?.PolicySummary?.Arn).toBe(
      `arn:aws:organizations::${ACME}:policy/${ORG}/tag_policy/p-costcntr1`,
    );
    expect(typeof out.Policy?.Content).toBe("string");
    expect(JSON.parse(out.Policy!.Content!)).toEqual(costCenterPolicy);
  });

  it("answers PolicyNotFoundException for an unknown id and InvalidInputException for a malformed one", async () => {
    expect((await errorOf(org.send(new DescribePolicyCommand({ PolicyId: "p-doesnotexist" })))).name).toBe(
      "PolicyNotFoundException",
    );
    expect((await errorOf(org.send(new DescribePolicyCommand({ PolicyId: "nope" })))).name).toBe(
      "InvalidInputException",
    );
  });
});

describe("ListTargetsForPolicy", () => {
  it("walks every target with the paginator, with ARNs per target type", async () => {
    const seen: { TargetId?: string; Arn?: string; Name?: string; Type?: string }[] = [];
    let pages = 0;
    for await (const page of paginateListTargetsForPolicy(
      { client: org, pageSize: 20 },
      { PolicyId: "p-costcntr1" },
    )) {
      pages += 1;
      seen.push(...(page.Targets ?? []));
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(46);
    expect(seen[0]).toEqual({
      TargetId: "r-ab12",
      Arn: `arn:aws:organizations::${ACME}:root/${ORG}/r-ab12`,
      Name: "Root",
      Type: "ROOT",
    });
    expect(seen[1]?.Arn).toBe(`arn:aws:organizations::${ACME}:ou/${ORG}/ou-ab12-00000000`);
    expect(seen[45]).toEqual({
      TargetId: ACME,
      Arn: `arn:aws:organizations::${ACME}:account/${ORG}/${ACME}`,
      Name: "acme",
      Type: "ACCOUNT",
    });
  });

  it("lists nothing for an unattached policy and fails for an unknown one", async () => {
    expect((await org.send(new ListTargetsForPolicyCommand({ PolicyId: "p-notarget" }))).Targets).toEqual([]);
    expect(
      (await errorOf(org.send(new ListTargetsForPolicyCommand({ PolicyId: "p-doesnotexist" })))).name,
    ).toBe("PolicyNotFoundException");
  });
});

describe("isolation and permissions", () => {
  it("answers AWSOrganizationsNotInUseException to an account outside any organization", async () => {
    const globex = new OrganizationsClient(
      clientConfig(sandbox, await assume(sandbox, GLOBEX, GLOBEX_EXTERNAL_ID)),
    );
    for (const call of [
      new ListPoliciesCommand({ Filter: "TAG_POLICY" }),
      new DescribePolicyCommand({ PolicyId: "p-costcntr1" }),
      new ListTargetsForPolicyCommand({ PolicyId: "p-costcntr1" }),
    ]) {
      const error = await errorOf(globex.send(call as ListPoliciesCommand));
      expect(error.name).toBe("AWSOrganizationsNotInUseException");
      expect(error.message).toBe("Your account is not a member of an organization.");
    }
  });

  it("denies an action the role's policy lacks", async () => {
    const narrow = new OrganizationsClient(
      clientConfig(sandbox, await narrowSession(sandbox, ["organizations:ListPolicies"])),
    );
    expect(
      (await narrow.send(new ListPoliciesCommand({ Filter: "TAG_POLICY", MaxResults: 1 }))).Policies,
    ).toHaveLength(1);
    const error = await errorOf(narrow.send(new DescribePolicyCommand({ PolicyId: "p-costcntr1" })));
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("organizations:DescribePolicy");
  });
});
