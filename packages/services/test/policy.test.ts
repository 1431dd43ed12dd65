// Tagging policy put/get: versioned per tenant, validated with the offending entry named.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACME_ACCOUNT, GLOBEX_ACCOUNT, KINDS, serviceError, useHarness } from "./harness";
import { deleteClient, getPolicy, putPolicy, type ServiceError } from "./verbs";

// A real-world policy in the seed product's format (a copy of shared/fixtures/tagging_policy.json):
// it names one unknown type (rds:db-instance) and three free types on purpose.
const FIXTURE = JSON.parse(
  readFileSync(new URL("./fixtures/tagging_policy.json", import.meta.url), "utf8"),
) as {
  required_tags: { name: string; applies_to: string[] }[];
};
const UNKNOWN = "rds:db-instance";
const FREE = ["ec2:vpc", "ec2:subnet", "ec2:security-group"];

/** The policy issues a rejected save carries in its details. */
function issuesOf(error: ServiceError): { path: string; message: string }[] {
  const issues = error.details?.issues;
  expect(Array.isArray(issues)).toBe(true);
  return issues as { path: string; message: string }[];
}

/** The fixture with the unknown and free types taken out of every applies_to. */
function cleaned() {
  const policy = structuredClone(FIXTURE);
  for (const tag of policy.required_tags) {
    tag.applies_to = tag.applies_to.filter((type) => type !== UNKNOWN && !FREE.includes(type));
  }
  return policy;
}

describe.each(KINDS)("tagging policy on %s", (kind) => {
  const harness = useHarness(kind);

  async function twoTenants() {
    const h = harness();
    const acme = await h.onboard("Acme", ACME_ACCOUNT);
    const globex = await h.onboard("Globex", GLOBEX_ACCOUNT);
    return { h, acme, globex };
  }

  it("starts at version 1 (the default) and increments on every save", async () => {
    const { h, acme } = await twoTenants();
    const ctx = await h.ctxFor(acme.id);
    const initial = await getPolicy({ ctx });
    expect(initial).toMatchObject({ version: 1, source: "default" });
    expect(initial.policy.required_tags.map((t) => t.name)).toEqual(["Owner", "Environment", "Application"]);

    const saved = await putPolicy({ ctx, input: { document: cleaned() } });
    expect(saved).toMatchObject({ version: 2, source: "uploaded" });
    const again = await putPolicy({
      ctx,
      input: { document: cleaned(), source: "imported", source_ref: "p-1234abcd" },
    });
    expect(again).toMatchObject({ version: 3, source: "imported", source_ref: "p-1234abcd" });
    const current = await getPolicy({ ctx });
    expect(current).toMatchObject({ version: 3, source: "imported" });
    expect(current.policy.required_tags[0]?.applies_to).toEqual(cleaned().required_tags[0]?.applies_to);
    expect(current.all_applicable_resource_types).not.toContain(UNKNOWN);
    expect((await h.auditRows(acme.id, "policy.put")).map((r) => r.params)).toEqual([
      { version: 2, source: "uploaded" },
      { version: 3, source: "imported" },
    ]);
  });

  it("rejects the real-world fixture, naming the unknown type and each free type", async () => {
    const { h, acme } = await twoTenants();
    const ctx = await h.ctxFor(acme.id);
    const error = await serviceError(putPolicy({ ctx, input: { document: FIXTURE } }));
    expect(error.code).toBe("INVALID_REQUEST");
    const issues = issuesOf(error);
    // Owner and Environment list rds:db-instance second; Environment also lists the free types.
    expect(error.details?.field).toBe("policy.required_tags[0].applies_to[1]");
    expect(issues).toContainEqual({
      path: "required_tags[0].applies_to[1]",
      message: expect.stringContaining(`${UNKNOWN} is not a known resource type`),
    });
    for (const type of FREE) {
      expect(issues).toContainEqual({
        path: expect.stringMatching(/^required_tags\[\d\]\.applies_to\[\d+\]$/),
        message: expect.stringContaining(`${type} is a free resource type`),
      });
      expect(error.message).toContain(type);
    }
    expect(error.message).toContain(UNKNOWN);
    // Every issue points at a real entry of the document.
    for (const issue of issues) {
      const match = /^required_tags\[(\d)\]\.applies_to\[(\d+)\]$/.exec(issue.path);
      expect(match).not.toBeNull();
      const type = FIXTURE.required_tags[Number(match![1])]?.applies_to[Number(match![2])];
      expect([UNKNOWN, ...FREE]).toContain(type);
      expect(issue.message).toContain(type);
    }
    // Nothing was saved.
    expect(await getPolicy({ ctx })).toMatchObject({ version: 1, source: "default" });
    expect(await h.auditRows(acme.id, "policy.put")).toEqual([]);
  });

  it("rejects an invalid regex and an unknown field with their paths", async () => {
    const { h, acme } = await twoTenants();
    const document = cleaned() as Record<string, unknown> & { required_tags: Record<string, unknown>[] };
    document.required_tags[1]!.validation_regex = "([a-z";
    document.required_tags[2]!["applies-to"] = ["ec2:instance"];
    const error = await serviceError(putPolicy({ ctx: await h.ctxFor(acme.id), input: { document } }));
    const paths = issuesOf(error).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["required_tags[1].validation_regex", "required_tags[2].applies-to"]),
    );
  });

  it("keeps tenants' policies independent", async () => {
    const { h, acme, globex } = await twoTenants();
    await putPolicy({ ctx: await h.ctxFor(acme.id), input: { document: cleaned() } });
    await putPolicy({ ctx: await h.ctxFor(acme.id), input: { document: cleaned() } });
    const globexPolicy = await getPolicy({ ctx: await h.ctxFor(globex.id) });
    expect(globexPolicy).toMatchObject({ version: 1, source: "default" });

    const own = structuredClone(cleaned());
    own.required_tags = own.required_tags.filter((t) => t.name === "Owner");
    expect(await putPolicy({ ctx: await h.ctxFor(globex.id), input: { document: own } })).toMatchObject({
      version: 2,
    });
    expect(
      (await getPolicy({ ctx: await h.ctxFor(globex.id) })).policy.required_tags.map((t) => t.name),
    ).toEqual(["Owner"]);
    const acmePolicy = await getPolicy({ ctx: await h.ctxFor(acme.id) });
    expect(acmePolicy.version).toBe(3);
    expect(acmePolicy.policy.required_tags).toHaveLength(3);
    expect(await h.auditRows(globex.id, "policy.put")).toHaveLength(1);
  });

  it("concurrent saves each get their own version", async () => {
    const { h, acme, globex } = await twoTenants();
    const saves = await Promise.all(
      [0, 1, 2, 3].map(async () =>
        putPolicy({ ctx: await h.ctxFor(acme.id), input: { document: cleaned() } }),
      ),
    );
    expect(saves.map((s) => s.version).sort()).toEqual([2, 3, 4, 5]);
    expect((await getPolicy({ ctx: await h.ctxFor(acme.id) })).version).toBe(5);
    expect((await getPolicy({ ctx: await h.ctxFor(globex.id) })).version).toBe(1);
  });

  it("refuses to save for an offboarded client", async () => {
    const { h, acme } = await twoTenants();
    await deleteClient({ ctx: await h.ctxFor(acme.id) });
    expect(
      await serviceError(putPolicy({ ctx: await h.ctxFor(acme.id), input: { document: cleaned() } })),
    ).toMatchObject({ code: "CONFLICT" });
  });
});
