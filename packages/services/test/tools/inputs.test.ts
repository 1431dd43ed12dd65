// Issue 11: a resource_types list with a repeated entry is refused, naming the field and the repeat,
// both by the zod schema and by callTool (INVALID_REQUEST), and the JSON Schema clients see compiles.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues } from "../../src/tools/call-tool";
import { checkTagCompliance } from "../../src/tools/check-tag-compliance";
import { resourceTypes } from "../../src/tools/inputs";
import { TOOL_LIST } from "../../src/tools/list";
import { failed, useToolsHarness } from "./harness";

const input = z.strictObject({ resource_types: resourceTypes });
const message = (value: unknown): string => {
  const parsed = input.safeParse({ resource_types: value });
  return parsed.success ? "accepted" : describeIssues(parsed.error);
};

describe("resource_types", () => {
  it.each([
    [["ec2:instance", "rds:db", "ec2:instance"], 'resource_types: "ec2:instance" is listed more than once'],
    [["all", "all"], 'resource_types: "all" is listed more than once'],
    [["s3:bucket", "rds:db", "s3:bucket", "rds:db"], '"s3:bucket", "rds:db" are listed more than once'],
  ])("refuses the duplicate in %j", (value, expected) => {
    expect(message(value)).toContain(expected);
  });

  it("accepts distinct entries and a lone string", () => {
    expect(input.parse({ resource_types: ["ec2:instance", "rds:db"] }).resource_types).toEqual([
      "ec2:instance",
      "rds:db",
    ]);
    expect(input.parse({ resource_types: "ec2:instance" }).resource_types).toEqual(["ec2:instance"]);
  });

  it("still converts to a JSON Schema 2020-12 that compiles and lists the items as unique", () => {
    const check = TOOL_LIST.find((t) => t.name === "check_tag_compliance");
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(check?.inputSchema ?? {});
    expect(validate({ resource_types: ["ec2:instance"] })).toBe(true);
    expect(validate({ resource_types: ["ec2:instance", "ec2:instance"] })).toBe(false);
  });
});

describe.each(["postgres", "pglite"] as const)("callTool with a duplicate resource type (%s)", (kind) => {
  const harness = useToolsHarness(kind);

  it("answers INVALID_REQUEST naming resource_types and the repeat, for that client only", async () => {
    const h = harness();
    const error = failed(await h.call(h.acme, checkTagCompliance, { resource_types: ["rds:db", "rds:db"] }));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.message).toBe(
      'resource_types: "rds:db" is listed more than once; list each resource type once',
    );
    const rows = await h.audit(h.acme, "check_tag_compliance");
    expect(rows.map((r) => r.errorCode)).toEqual(["INVALID_REQUEST"]);
    expect(await h.audit(h.globex, "check_tag_compliance")).toEqual([]);
  });
});
