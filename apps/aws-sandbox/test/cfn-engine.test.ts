// The template engine on inline templates: intrinsics and pseudo parameters, conditions, mappings,
// generated role names, and what happens when a resource cannot be created (rollback, or not).
import {
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  type Output,
} from "@aws-sdk/client-cloudformation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import { ACME_ADMIN, ACME_NO_IAM, cfnClient, startCfnSandbox } from "./cfn-fixtures";
import { ACME } from "./fixtures";

const ENGINE_TEMPLATE = `
AWSTemplateFormatVersion: "2010-09-09"
Description: engine test
Parameters:
  Env:
    Type: String
    AllowedValues: [prod, dev]
    Default: dev
  Hours:
    Type: Number
    MinValue: 1
    MaxValue: 12
    Default: 1
Mappings:
  Trust:
    Account:
      Id: "111111111111"
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  NotProd: !Not [!Condition IsProd]
Resources:
  Generated:
    Type: AWS::IAM::Role
    Properties:
      Path: /tagc/
      MaxSessionDuration: 7200
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub ["arn:\${AWS::Partition}:iam::\${Id}:root", { Id: !FindInMap [Trust, Account, Id] }] }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: one
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: !If [IsProd, "ec2:*", "ec2:Describe*"]
                Resource: "*"
        - PolicyName: two
          PolicyDocument: '{"Statement":[{"Effect":"Allow","Action":"tag:GetResources","Resource":"*"}]}'
  ProdOnly:
    Type: AWS::IAM::Role
    Condition: IsProd
    Properties:
      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { AWS: "111111111111" }, Action: sts:AssumeRole }] }
Outputs:
  Arn: { Value: !GetAtt Generated.Arn }
  Name: { Value: !Ref Generated }
  Joined: { Value: !Join ["|", [!Ref AWS::StackName, !Ref AWS::AccountId, !Ref AWS::Region, !Ref AWS::URLSuffix]] }
  Escaped: { Value: !Sub "\${!Literal}-\${Generated.RoleId}" }
  Selected: { Value: !Select [1, !Split [",", "a,b,c"]] }
  StackId: { Value: !Ref AWS::StackId }
  WhenNotProd: { Value: yes, Condition: NotProd }
  WhenProd: { Value: !GetAtt ProdOnly.Arn, Condition: IsProd }
`;

// A role, then a resource type the sandbox does not emulate, which needs the role first.
const FAILING_TEMPLATE = JSON.stringify({
  Resources: {
    First: {
      Type: "AWS::IAM::Role",
      Properties: {
        RoleName: "WillBeRolledBack",
        AssumeRolePolicyDocument: {
          Statement: [{ Effect: "Allow", Principal: { AWS: "111111111111" }, Action: "sts:AssumeRole" }],
        },
      },
    },
    Bucket: { Type: "AWS::S3::Bucket", DependsOn: "First" },
  },
});

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startCfnSandbox();
});
afterAll(() => sandbox.stop());

const outputsOf = (outputs: Output[] | undefined) =>
  Object.fromEntries(outputs?.map((o) => [o.OutputKey, o.OutputValue]) ?? []);

describe("the template engine", () => {
  it("evaluates intrinsics, pseudo parameters, mappings and conditions", async () => {
    const cfn = cfnClient(sandbox, ACME_ADMIN);
    const { StackId } = await cfn.send(
      new CreateStackCommand({
        StackName: "engine",
        TemplateBody: ENGINE_TEMPLATE,
        Capabilities: ["CAPABILITY_IAM"],
      }),
    );
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: "engine" }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe("CREATE_COMPLETE");
    expect(stack?.Description).toBe("engine test");
    const out = outputsOf(stack?.Outputs);
    // CloudFormation names an unnamed role StackName-LogicalId-RANDOM.
    expect(out.Name).toMatch(/^engine-Generated-[A-Z0-9]{12}$/);
    expect(out.Arn).toBe(`arn:aws:iam::${ACME}:role/tagc/${out.Name}`);
    expect(out.Joined).toBe(`engine|${ACME}|us-east-1|amazonaws.com`);
    expect(out.Escaped).toMatch(/^\$\{Literal\}-AROA[A-Z0-9]{17}$/);
    expect(out.Selected).toBe("b");
    expect(out.StackId).toBe(StackId);
    expect(out.WhenNotProd).toBe("yes");
    expect(out).not.toHaveProperty("WhenProd");

    const role = sandbox.world.accounts.get(ACME)?.roles.get(out.Name ?? "");
    expect(role?.max_session_duration).toBe(7200);
    expect(JSON.stringify(role?.trust_policy)).toContain('"AWS":"arn:aws:iam::111111111111:root"');
    // Both inline policies, the first with the dev branch of Fn::If.
    expect([role?.permissions_policy.Statement].flat().map((s) => s?.Action)).toEqual([
      "ec2:Describe*",
      "tag:GetResources",
    ]);
    // The resource under a false condition was not created.
    expect(
      [...(sandbox.world.accounts.get(ACME)?.roles.keys() ?? [])].filter((n) => n.includes("ProdOnly")),
    ).toEqual([]);
  });

  it("takes the other branch when the parameter says so, and checks Number bounds", async () => {
    const cfn = cfnClient(sandbox, ACME_ADMIN);
    await cfn.send(
      new CreateStackCommand({
        StackName: "engine-prod",
        TemplateBody: ENGINE_TEMPLATE,
        Parameters: [{ ParameterKey: "Env", ParameterValue: "prod" }],
        Capabilities: ["CAPABILITY_IAM"],
      }),
    );
    const out = outputsOf(
      (await cfn.send(new DescribeStacksCommand({ StackName: "engine-prod" }))).Stacks?.[0]?.Outputs,
    );
    expect(out.WhenProd).toMatch(new RegExp(`^arn:aws:iam::${ACME}:role/engine-prod-ProdOnly-`));
    expect(out).not.toHaveProperty("WhenNotProd");
    await expect(
      cfn.send(
        new CreateStackCommand({
          StackName: "engine-bad",
          TemplateBody: ENGINE_TEMPLATE,
          Parameters: [{ ParameterKey: "Hours", ParameterValue: "13" }],
          Capabilities: ["CAPABILITY_IAM"],
        }),
      ),
    ).rejects.toMatchObject({
      name: "ValidationError",
      message: "Parameter 'Hours' must be a number not greater than 12",
    });
    await expect(
      cfn.send(
        new CreateStackCommand({
          StackName: "engine-bad",
          TemplateBody: ENGINE_TEMPLATE,
          Parameters: [{ ParameterKey: "Env", ParameterValue: "staging" }],
          Capabilities: ["CAPABILITY_IAM"],
        }),
      ),
    ).rejects.toMatchObject({
      name: "ValidationError",
      message: "Parameter 'Env' must be one of AllowedValues",
    });
  });
});

describe("a resource that cannot be created", () => {
  it("rolls the stack back, deleting what was created, with the reason", async () => {
    const cfn = cfnClient(sandbox, ACME_ADMIN);
    await cfn.send(
      new CreateStackCommand({
        StackName: "unsupported",
        TemplateBody: FAILING_TEMPLATE,
        Capabilities: ["CAPABILITY_NAMED_IAM"],
      }),
    );
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: "unsupported" }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe("ROLLBACK_COMPLETE");
    expect(stack?.StackStatusReason).toBe(
      "The following resource(s) failed to create: [Bucket]. Rollback requested by user.",
    );
    expect(sandbox.world.accounts.get(ACME)?.roles.has("WillBeRolledBack")).toBe(false);
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: "unsupported" }));
    const failed = StackEvents?.find((e) => e.ResourceStatus === "CREATE_FAILED");
    expect(failed).toMatchObject({ LogicalResourceId: "Bucket", ResourceType: "AWS::S3::Bucket" });
    expect(failed?.ResourceStatusReason).toBe(
      "The aws-sandbox does not emulate resource type AWS::S3::Bucket",
    );
    expect(
      StackEvents?.some((e) => e.LogicalResourceId === "First" && e.ResourceStatus === "DELETE_COMPLETE"),
    ).toBe(true);
  });

  it("keeps what was created with OnFailure DO_NOTHING", async () => {
    const cfn = cfnClient(sandbox, ACME_ADMIN);
    await cfn.send(
      new CreateStackCommand({
        StackName: "keep",
        TemplateBody: FAILING_TEMPLATE,
        Capabilities: ["CAPABILITY_NAMED_IAM"],
        OnFailure: "DO_NOTHING",
      }),
    );
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: "keep" }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe("CREATE_FAILED");
    expect(stack?.DisableRollback).toBe(true);
    expect(sandbox.world.accounts.get(ACME)?.roles.has("WillBeRolledBack")).toBe(true);
  });

  it("fails a role the caller may not create, naming the missing permission", async () => {
    const cfn = cfnClient(sandbox, ACME_NO_IAM);
    await cfn.send(
      new CreateStackCommand({
        StackName: "no-iam",
        TemplateBody: ENGINE_TEMPLATE,
        Capabilities: ["CAPABILITY_IAM"],
      }),
    );
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: "no-iam" }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe("ROLLBACK_COMPLETE");
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: "no-iam" }));
    expect(StackEvents?.find((e) => e.ResourceStatus === "CREATE_FAILED")?.ResourceStatusReason).toContain(
      `User: arn:aws:iam::${ACME}:user/acme-no-iam is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::${ACME}:role/tagc/no-iam-Generated-`,
    );
  });
});
