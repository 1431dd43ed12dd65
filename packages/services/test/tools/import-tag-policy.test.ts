// Issue 11, through callTool and the sandbox's Organizations API: a tag policy whose keys have no
// enforced_for (and a bare-string tag_key) imports them as required, not silently optional, and
// says so; another tenant outside any organization sees nothing of it.
import { acmeAccount } from "@tagc/testkit";
import { describe, expect, it } from "vitest";
import { importAwsTagPolicy } from "../../src/tools/import-aws-tag-policy";
import { failed, ok, useToolsHarness } from "./harness";

const ACME = "222222222222";

describe("import_aws_tag_policy of keys without enforced_for", () => {
  const harness = useToolsHarness("pglite");

  it("previews them as required on every scanned type, with a warning, for that tenant only", async () => {
    const h = harness();
    const current = h.sandbox.world.requireAccount(ACME);
    const account = acmeAccount();
    h.sandbox.world.putAccount({
      ...account,
      roles: [...current.roles.values()],
      organization: {
        id: "o-acme000001",
        tag_policies: [
          {
            id: "p-acme0001",
            name: "acme-tags",
            description: "",
            content: {
              tags: {
                costcenter: { tag_key: "CostCenter", tag_value: { "@@assign": ["100", "200"] } },
                owner: { tag_key: { "@@assign": "Owner" }, enforced_for: { "@@assign": ["ec2:instance"] } },
              },
            },
            targets: [],
          },
        ],
      },
    });
    const preview = ok(await h.call(h.acme, importAwsTagPolicy, { policy_id: "p-acme0001" }));
    expect(preview).toMatchObject({
      mode: "preview",
      applied: false,
      policy: {
        required_tags: [
          { name: "CostCenter", allowed_values: ["100", "200"], applies_to: null },
          { name: "Owner", allowed_values: null, applies_to: ["ec2:instance"] },
        ],
        optional_tags: [],
      },
    });
    if (preview.mode === "list") throw new Error("expected a preview");
    expect(preview.warnings).toEqual([
      expect.stringContaining('"CostCenter" is enforced for no resource type'),
    ]);
    const none = failed(await h.call(h.globex, importAwsTagPolicy, { policy_id: "p-acme0001" }));
    expect(none.message).toContain("not a member of an AWS Organization");
  });
});
