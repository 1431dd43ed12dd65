// Two customers, one sandbox: each admin's stacks live in its own account and region. Globex
// never sees, reads or deletes acme's stack, even by its exact name or id, and the role each
// stack creates lands in its caller's account only.
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
} from "@aws-sdk/client-cloudformation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../src";
import {
  ACME_ADMIN,
  cfnClient,
  GLOBEX_ADMIN,
  quickCreate,
  startCfnSandbox,
  TEMPLATE_URL,
} from "./cfn-fixtures";
import { ACME, clientConfig, GLOBEX, staticCreds } from "./fixtures";
import { errorOf } from "./service-helpers";

const ACME_EXTERNAL_ID = "AcmeIsolationExternalId0123456789abc";
const GLOBEX_EXTERNAL_ID = "GlobexIsolationExternalId0123456789a";
// Both customers pick the same stack name: names are per account, so both succeed.
const STACK = "tag-compliance";
let sandbox: Sandbox;
let acmeStackId: string;

beforeAll(async () => {
  sandbox = await startCfnSandbox();
  const launch = (admin: typeof ACME_ADMIN, externalId: string, roleName: string) =>
    cfnClient(sandbox, admin).send(
      new CreateStackCommand({
        StackName: STACK,
        TemplateURL: TEMPLATE_URL,
        Parameters: quickCreate(externalId, roleName),
        Capabilities: ["CAPABILITY_NAMED_IAM"],
      }),
    );
  acmeStackId = (await launch(ACME_ADMIN, ACME_EXTERNAL_ID, "TagCompliance-acme")).StackId ?? "";
  await launch(GLOBEX_ADMIN, GLOBEX_EXTERNAL_ID, "TagCompliance-globex");
});
afterAll(() => sandbox.stop());

describe("stacks are per account and region", () => {
  it("lists each admin's own stack only", async () => {
    const acme = await cfnClient(sandbox, ACME_ADMIN).send(new DescribeStacksCommand({}));
    const globex = await cfnClient(sandbox, GLOBEX_ADMIN).send(new DescribeStacksCommand({}));
    expect(acme.Stacks?.map((s) => s.StackId)).toEqual([acmeStackId]);
    expect(globex.Stacks).toHaveLength(1);
    expect(globex.Stacks?.[0]?.StackId).toMatch(
      new RegExp(`^arn:aws:cloudformation:us-east-1:${GLOBEX}:stack/${STACK}/`),
    );
    expect(JSON.stringify(globex.Stacks)).not.toContain(ACME_EXTERNAL_ID);
    expect(JSON.stringify(globex.Stacks)).not.toContain(ACME);
  });

  it("does not let globex read acme's stack by id", async () => {
    const globex = cfnClient(sandbox, GLOBEX_ADMIN);
    const described = await errorOf(globex.send(new DescribeStacksCommand({ StackName: acmeStackId })));
    expect(described).toMatchObject({
      name: "ValidationError",
      message: `Stack with id ${acmeStackId} does not exist`,
    });
    const template = await errorOf(globex.send(new GetTemplateCommand({ StackName: acmeStackId })));
    expect(template.name).toBe("ValidationError");
  });

  it("puts each role in its caller's account", () => {
    expect(sandbox.world.accounts.get(ACME)?.roles.has("TagCompliance-acme")).toBe(true);
    expect(sandbox.world.accounts.get(ACME)?.roles.has("TagCompliance-globex")).toBe(false);
    expect(sandbox.world.accounts.get(GLOBEX)?.roles.has("TagCompliance-globex")).toBe(true);
    expect(sandbox.world.accounts.get(GLOBEX)?.roles.has("TagCompliance-acme")).toBe(false);
  });

  it("keeps regions apart", async () => {
    const acmeEu = new CloudFormationClient(clientConfig(sandbox, staticCreds(ACME_ADMIN), "eu-west-1"));
    expect((await acmeEu.send(new DescribeStacksCommand({}))).Stacks).toEqual([]);
    await expect(acmeEu.send(new DescribeStacksCommand({ StackName: STACK }))).rejects.toMatchObject({
      name: "ValidationError",
    });
  });

  it("deleting by acme's id from globex touches nothing of acme's", async () => {
    await cfnClient(sandbox, GLOBEX_ADMIN).send(new DeleteStackCommand({ StackName: acmeStackId }));
    expect(sandbox.world.accounts.get(ACME)?.roles.has("TagCompliance-acme")).toBe(true);
    const acme = await cfnClient(sandbox, ACME_ADMIN).send(new DescribeStacksCommand({ StackName: STACK }));
    expect(acme.Stacks?.[0]?.StackStatus).toBe("CREATE_COMPLETE");
    // Globex deleting its own stack of the same name leaves acme's stack and role alone.
    await cfnClient(sandbox, GLOBEX_ADMIN).send(new DeleteStackCommand({ StackName: STACK }));
    expect(sandbox.world.accounts.get(GLOBEX)?.roles.has("TagCompliance-globex")).toBe(false);
    expect(sandbox.world.accounts.get(ACME)?.roles.has("TagCompliance-acme")).toBe(true);
  });
});
