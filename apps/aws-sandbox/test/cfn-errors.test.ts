// What CloudFormation refuses before a stack exists, in its words: capabilities, parameters,
// template URLs, template format, stack names; and who may call it at all.
import {
  CloudFormationClient,
  CreateStackCommand,
  type CreateStackCommandInput,
  DescribeStacksCommand,
} from "@aws-sdk/client-cloudformation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME_ADMIN,
  BUCKET,
  cfnClient,
  KEY,
  quickCreate,
  startCfnSandbox,
  TEMPLATE_URL,
} from "./cfn-fixtures";
import { ACME, assume, clientConfig } from "./fixtures";
import { errorOf } from "./service-helpers";

const EXTERNAL_ID = "ErrorsExternalId0123456789abcdefABCDE";
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startCfnSandbox();
});
afterAll(() => sandbox.stop());

const create = (input: Partial<CreateStackCommandInput>) =>
  errorOf(
    cfnClient(sandbox, ACME_ADMIN).send(
      new CreateStackCommand({
        StackName: "refused",
        TemplateURL: TEMPLATE_URL,
        Parameters: quickCreate(EXTERNAL_ID, "RefusedRole"),
        Capabilities: ["CAPABILITY_NAMED_IAM"],
        ...input,
      }),
    ),
  );

describe("CreateStack refusals", () => {
  it.each([
    ["no capability", []],
    ["only CAPABILITY_IAM for a named role", ["CAPABILITY_IAM"]],
  ] as const)("InsufficientCapabilitiesException with %s", async (_label, capabilities) => {
    const error = await create({ Capabilities: [...capabilities] });
    expect(error).toMatchObject({
      name: "InsufficientCapabilitiesException",
      message: "Requires capabilities : [CAPABILITY_NAMED_IAM]",
    });
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it.each([
    [
      "an External ID that breaks the pattern",
      quickCreate("not-alphanumeric-0123456789abcdefABCD", "RefusedRole"),
      "Parameter 'ExternalId' failed to satisfy constraint: must be the 32 to 128 character alphanumeric External ID from Tag Compliance Cloud.",
    ],
    [
      "an External ID that is too short",
      quickCreate("short", "RefusedRole"),
      "Parameter 'ExternalId' failed to satisfy constraint: must be the 32 to 128 character alphanumeric External ID from Tag Compliance Cloud.",
    ],
    [
      "a role name with a space",
      quickCreate(EXTERNAL_ID, "bad name"),
      "Parameter 'RoleName' failed to satisfy constraint: must be 1 to 64 characters of letters, digits and + = , . @ _ -",
    ],
    [
      "no External ID",
      [{ ParameterKey: "RoleName", ParameterValue: "R" }],
      "Parameters: [ExternalId] must have values",
    ],
    [
      "a parameter the template does not declare",
      [
        ...quickCreate(EXTERNAL_ID, "R"),
        { ParameterKey: "PlatformAccountId", ParameterValue: "999999999999" },
      ],
      "Parameters: [PlatformAccountId] do not exist in the template",
    ],
  ])("ValidationError for %s", async (_label, parameters, message) => {
    const error = await create({ Parameters: parameters });
    expect(error).toMatchObject({ name: "ValidationError", message });
  });

  it.each([
    [
      "an http URL",
      `http://${BUCKET}.s3.us-east-1.amazonaws.com/${KEY}`,
      "TemplateURL must be a supported URL.",
    ],
    [
      "the server's own copy",
      "https://tagc.example.com/v1/templates/role.yaml",
      "TemplateURL must be a supported URL.",
    ],
    ["an s3:// URI", `s3://${BUCKET}/${KEY}`, "TemplateURL must be a supported URL."],
    [
      "a missing key",
      `https://${BUCKET}.s3.us-east-1.amazonaws.com/role/nope.yaml`,
      "TemplateURL must reference a valid S3 object to which you have access.",
    ],
    [
      "a missing bucket",
      "https://nobody-owns-this.s3.amazonaws.com/role.yaml",
      "TemplateURL must reference a valid S3 object to which you have access.",
    ],
  ])("ValidationError for %s", async (_label, url, message) => {
    expect(await create({ TemplateURL: url })).toMatchObject({ name: "ValidationError", message });
  });

  it("accepts the path-style and global S3 URL forms", async () => {
    const cfn = cfnClient(sandbox, ACME_ADMIN);
    for (const [name, url] of [
      ["path-style", `https://s3.us-east-1.amazonaws.com/${BUCKET}/${KEY}`],
      ["global", `https://${BUCKET}.s3.amazonaws.com/${KEY}`],
    ] as const) {
      await cfn.send(
        new CreateStackCommand({
          StackName: name,
          TemplateURL: url,
          Parameters: quickCreate(EXTERNAL_ID, `Role-${name}`),
          Capabilities: ["CAPABILITY_NAMED_IAM"],
        }),
      );
      const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: name }));
      expect(Stacks?.[0]?.StackStatus).toBe("CREATE_COMPLETE");
    }
  });

  it.each([
    [
      "neither body nor URL",
      { TemplateURL: undefined },
      "Either Template URL or Template Body must be specified.",
    ],
    ["both body and URL", { TemplateBody: "{}" }, "Specify exactly one of TemplateBody or TemplateUrl."],
    [
      "an unknown resource type",
      { TemplateURL: undefined, TemplateBody: '{"Resources":{"X":{"Type":"Foo::Bar"}}}' },
      "Template format error: Unrecognized resource types: [Foo::Bar]",
    ],
    [
      "no resources",
      { TemplateURL: undefined, TemplateBody: "Resources: {}\n" },
      "Template format error: At least one Resources member must be defined.",
    ],
    [
      "a reference to nothing",
      {
        TemplateURL: undefined,
        TemplateBody:
          "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Path: !Ref Nowhere\n",
      },
      "Template format error: Unresolved resource dependencies [Nowhere] in the Resources block of the template",
    ],
    [
      "an unknown short-form tag",
      {
        TemplateURL: undefined,
        TemplateBody: "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Path: !Reff X\n",
      },
      expect.stringMatching(/^Template format error: YAML not well-formed\. .*!Reff/),
    ],
    [
      "resources that need each other",
      {
        TemplateURL: undefined,
        TemplateBody: JSON.stringify({
          Resources: {
            A: { Type: "AWS::IAM::Role", DependsOn: "B" },
            B: { Type: "AWS::IAM::Role", Properties: { Path: { "Fn::GetAtt": ["A", "Arn"] } } },
          },
        }),
      },
      "Circular dependency between resources: [A, B]",
    ],
    [
      "a bad stack name",
      { StackName: "1-starts-with-a-digit" },
      "1 validation error detected: Value '1-starts-with-a-digit' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*",
    ],
  ])("ValidationError for %s", async (_label, input, message) => {
    expect(await create(input)).toMatchObject({ name: "ValidationError", message });
  });

  it("left no stack and no role behind", async () => {
    const { Stacks } = await cfnClient(sandbox, ACME_ADMIN).send(new DescribeStacksCommand({}));
    expect(Stacks?.map((s) => s.StackName).sort()).toEqual(["global", "path-style"]);
    expect(sandbox.world.accounts.get(ACME)?.roles.has("RefusedRole")).toBe(false);
  });
});

describe("who may call CloudFormation", () => {
  it("denies a caller without cloudformation:CreateStack", async () => {
    // The scanner's own session: read-only, no CloudFormation at all.
    const scanner = new CloudFormationClient(clientConfig(sandbox, await assume(sandbox)));
    const error = await errorOf(
      scanner.send(
        new CreateStackCommand({
          StackName: "by-the-scanner",
          TemplateURL: TEMPLATE_URL,
          Parameters: quickCreate(EXTERNAL_ID, "ScannerMadeRole"),
          Capabilities: ["CAPABILITY_NAMED_IAM"],
        }),
      ),
    );
    expect(error.name).toBe("AccessDenied");
    expect(error.message).toContain("is not authorized to perform: cloudformation:CreateStack");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});
