// The customer's click, end to end in the sandbox: CreateStack from the operator's S3 URL with the
// real role template → the role exists with the template's trust and permissions → the control
// plane assumes it with the External ID (and not without) → DeleteStack removes it again.
import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
} from "@aws-sdk/client-cloudformation";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME_ADMIN,
  cfnClient,
  quickCreate,
  roleTemplate,
  startCfnSandbox,
  TEMPLATE_URL,
} from "./cfn-fixtures";
import { ACME, CONTROL_PLANE, clientConfig, staticCreds } from "./fixtures";
import { errorOf } from "./service-helpers";

const EXTERNAL_ID = "StackExternalId0123456789abcdefABCDEF";
const ROLE = "TagComplianceReadOnly-cli123";
const STACK = "tag-compliance-cli123";
let sandbox: Sandbox;
let stackId: string;

const assume = (externalId: string, sourceIdentity?: string) =>
  new STSClient(clientConfig(sandbox, staticCreds(CONTROL_PLANE))).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${ACME}:role/${ROLE}`,
      RoleSessionName: "tagc-cli123",
      ExternalId: externalId,
      ...(sourceIdentity ? { SourceIdentity: sourceIdentity } : {}),
    }),
  );

beforeAll(async () => {
  sandbox = await startCfnSandbox();
  const out = await cfnClient(sandbox, ACME_ADMIN).send(
    new CreateStackCommand({
      StackName: STACK,
      TemplateURL: TEMPLATE_URL,
      Parameters: quickCreate(EXTERNAL_ID, ROLE),
      Capabilities: ["CAPABILITY_NAMED_IAM"],
    }),
  );
  stackId = out.StackId ?? "";
});
afterAll(() => sandbox.stop());

describe("CreateStack from the S3 template URL", () => {
  it("answers a stack id in the caller's account and region", () => {
    expect(stackId).toMatch(
      new RegExp(
        `^arn:aws:cloudformation:us-east-1:${ACME}:stack/${STACK}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
      ),
    );
  });

  it("describes the stack CREATE_COMPLETE with its parameters and outputs", async () => {
    const { Stacks } = await cfnClient(sandbox, ACME_ADMIN).send(
      new DescribeStacksCommand({ StackName: STACK }),
    );
    expect(Stacks).toHaveLength(1);
    const stack = Stacks?.[0];
    expect(stack?.StackStatus).toBe("CREATE_COMPLETE");
    expect(stack?.StackId).toBe(stackId);
    expect(stack?.Capabilities).toEqual(["CAPABILITY_NAMED_IAM"]);
    expect(stack?.CreationTime).toBeInstanceOf(Date);
    expect(stack?.Parameters).toEqual(
      expect.arrayContaining([
        { ParameterKey: "ExternalId", ParameterValue: EXTERNAL_ID },
        { ParameterKey: "RoleName", ParameterValue: ROLE },
      ]),
    );
    const outputs = Object.fromEntries(stack?.Outputs?.map((o) => [o.OutputKey, o.OutputValue]) ?? []);
    expect(outputs.RoleArn).toBe(`arn:aws:iam::${ACME}:role/${ROLE}`);
    expect(outputs.TemplateVersion).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it("creates the role with the template's trust and read-only permissions", () => {
    const role = sandbox.world.accounts.get(ACME)?.roles.get(ROLE);
    expect(role?.max_session_duration).toBe(3600);
    const trust = JSON.stringify(role?.trust_policy);
    expect(trust).toContain(`"sts:ExternalId":"${EXTERNAL_ID}"`);
    expect(trust).toContain(`"AWS":"arn:aws:iam::${CONTROL_PLANE.account_id}:root"`);
    expect(trust).toContain(
      `"aws:PrincipalArn":"arn:aws:iam::${CONTROL_PLANE.account_id}:role/tagc-scanner-*"`,
    );
    const actions = [role?.permissions_policy.Statement ?? []].flat().flatMap((s) => [s.Action ?? []].flat());
    expect(actions).toContain("tag:GetResources");
    expect(actions).toContain("ce:GetCostAndUsage");
    expect(actions.filter((a) => /:(Put|Delete|Create|Update)/.test(a) || a === "s3:GetObject")).toEqual([]);
  });

  it("lets the control plane in with the External ID and SourceIdentity, and reads with the session", async () => {
    const out = await assume(EXTERNAL_ID, "cli123");
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACME}:assumed-role/${ROLE}/tagc-cli123`);
    const c = out.Credentials;
    const tagging = new ResourceGroupsTaggingAPIClient(
      clientConfig(sandbox, {
        accessKeyId: c?.AccessKeyId ?? "",
        secretAccessKey: c?.SecretAccessKey ?? "",
        sessionToken: c?.SessionToken ?? "",
      }),
    );
    const resources = await tagging.send(new GetResourcesCommand({}));
    expect(resources.ResourceTagMappingList?.length).toBeGreaterThan(0);
  });

  it("denies a wrong External ID", async () => {
    const error = await errorOf(assume("WrongExternalId0123456789abcdefABCDE"));
    expect(error.name).toBe("AccessDenied");
  });

  it("keeps the template and the events", async () => {
    const cfn = cfnClient(sandbox, ACME_ADMIN);
    const template = await cfn.send(new GetTemplateCommand({ StackName: STACK }));
    expect(template.TemplateBody).toBe(roleTemplate());
    expect(template.StagesAvailable).toEqual(["Original", "Processed"]);
    const { StackEvents } = await cfn.send(new DescribeStackEventsCommand({ StackName: stackId }));
    // Newest first, as CloudFormation lists them.
    expect(StackEvents?.[0]).toMatchObject({ LogicalResourceId: STACK, ResourceStatus: "CREATE_COMPLETE" });
    expect(StackEvents?.map((e) => `${e.LogicalResourceId}:${e.ResourceStatus}`)).toEqual([
      `${STACK}:CREATE_COMPLETE`,
      "TagComplianceRole:CREATE_COMPLETE",
      "TagComplianceRole:CREATE_IN_PROGRESS",
      `${STACK}:CREATE_IN_PROGRESS`,
    ]);
    expect(StackEvents?.[1]?.PhysicalResourceId).toBe(ROLE);
  });

  it("refuses a second live stack of the same name", async () => {
    const error = await errorOf(
      cfnClient(sandbox, ACME_ADMIN).send(
        new CreateStackCommand({
          StackName: STACK,
          TemplateURL: TEMPLATE_URL,
          Parameters: quickCreate(EXTERNAL_ID, `${ROLE}-b`),
          Capabilities: ["CAPABILITY_NAMED_IAM"],
        }),
      ),
    );
    expect(error).toMatchObject({
      name: "AlreadyExistsException",
      message: `Stack [${STACK}] already exists`,
    });
  });
});

describe("DeleteStack", () => {
  it("deletes the role, so AssumeRole fails, and forgets the name but not the id", async () => {
    const session = (await assume(EXTERNAL_ID)).Credentials;
    const cfn = cfnClient(sandbox, ACME_ADMIN);
    await cfn.send(new DeleteStackCommand({ StackName: STACK }));
    expect(sandbox.world.accounts.get(ACME)?.roles.has(ROLE)).toBe(false);
    expect((await errorOf(assume(EXTERNAL_ID))).name).toBe("AccessDenied");
    // A live session of the deleted role is denied too: permissions are evaluated at call time.
    const tagging = new ResourceGroupsTaggingAPIClient(
      clientConfig(sandbox, {
        accessKeyId: session?.AccessKeyId ?? "",
        secretAccessKey: session?.SecretAccessKey ?? "",
        sessionToken: session?.SessionToken ?? "",
      }),
    );
    expect((await errorOf(tagging.send(new GetResourcesCommand({})))).name).toBe("AccessDeniedException");

    const byName = await errorOf(cfn.send(new DescribeStacksCommand({ StackName: STACK })));
    expect(byName).toMatchObject({
      name: "ValidationError",
      message: `Stack with id ${STACK} does not exist`,
    });
    expect(byName.$metadata.httpStatusCode).toBe(400);
    const byId = await cfn.send(new DescribeStacksCommand({ StackName: stackId }));
    expect(byId.Stacks?.[0]?.StackStatus).toBe("DELETE_COMPLETE");
    expect(byId.Stacks?.[0]?.DeletionTime).toBeInstanceOf(Date);
    expect((await cfn.send(new DescribeStacksCommand({}))).Stacks).toEqual([]);
    // Deleting again (or a stack that never existed) succeeds, as in CloudFormation.
    await expect(cfn.send(new DeleteStackCommand({ StackName: STACK }))).resolves.toBeDefined();
    await expect(cfn.send(new DeleteStackCommand({ StackName: "never-existed" }))).resolves.toBeDefined();
  });

  it("frees the name for a new stack", async () => {
    const out = await cfnClient(sandbox, ACME_ADMIN).send(
      new CreateStackCommand({
        StackName: STACK,
        TemplateURL: TEMPLATE_URL,
        Parameters: quickCreate(EXTERNAL_ID, ROLE),
        Capabilities: ["CAPABILITY_NAMED_IAM"],
      }),
    );
    expect(out.StackId).not.toBe(stackId);
    expect((await assume(EXTERNAL_ID)).Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });
});
