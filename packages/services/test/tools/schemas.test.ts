// What clients are shown of every tool: JSON Schema 2020-12 for input and output (the Anthropic API
// rejects other dialects, which would make clients refuse the whole server), compiled here with ajv's
// 2020 dialect in strict mode; annotations derived from what the tool changes.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { TOOL_LIST } from "../../src/tools/list";

// The formats JSON Schema 2020-12 defines (email, date-time...) are known to the compiler, as they
// are to the MCP SDK's own validator.
const compiler = () => addFormats.default(new Ajv2020({ strict: true, allErrors: true }));

describe("the tool list", () => {
  it("has the 17 tools", () => {
    expect(TOOL_LIST).toHaveLength(17);
    expect(new Set(TOOL_LIST.map((t) => t.name)).size).toBe(17);
  });

  it.each(TOOL_LIST.map((t) => [t.name, t] as const))(
    "%s: input and output compile as JSON Schema 2020-12",
    (_, tool) => {
      const ajv = compiler();
      expect(tool.inputSchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(ajv.validateSchema(tool.inputSchema), JSON.stringify(ajv.errors)).toBe(true);
      expect(ajv.validateSchema(tool.outputSchema), JSON.stringify(ajv.errors)).toBe(true);
      expect(() => ajv.compile(tool.inputSchema)).not.toThrow();
      expect(() => ajv.compile(tool.outputSchema)).not.toThrow();
      // No draft-07 tuple form anywhere: `items` is always a schema, never an array.
      expect(JSON.stringify(tool.inputSchema)).not.toMatch(/"items":\[/);
      // Inputs are strict (unknown keys refused); outputs leave room for more fields.
      expect(tool.inputSchema.additionalProperties).toBe(false);
      expect(tool.outputSchema.additionalProperties).toBeUndefined();
    },
  );

  // The listed schema shows the form to send; the zod schema still accepts the forgiving forms
  // (inputs.test.ts), so a model that sends ["errors_only"] or "ec2:instance" is still served.
  it("shows each field's canonical form and refuses unknown keys, as the zod schema does", () => {
    const check = TOOL_LIST.find((t) => t.name === "check_tag_compliance");
    const validate = compiler().compile(check?.inputSchema ?? {});
    expect(validate({ resource_types: ["all"], severity: "errors_only" })).toBe(true);
    expect(validate({ resource_types: ["ec2:instance", "rds:db"], filters: { region: "eu-west-1" } })).toBe(
      true,
    );
    expect(validate({ resource_types: ["all"], severity: ["all", "errors_only"] })).toBe(false);
    expect(validate({ resource_types: ["all"], colour: "red" })).toBe(false);
  });

  // Every definition is resent to the model on every turn (Claude Code warns past ~10k tokens of tool
  // results; definitions count against the same context). Estimate: characters / 4.
  it("keeps all 17 definitions of tools/list under 6,000 tokens", () => {
    const tokens = JSON.stringify(TOOL_LIST).length / 4;
    expect(tokens).toBeLessThan(6_000);
    for (const tool of TOOL_LIST) expect(JSON.stringify(tool).length / 4, tool.name).toBeLessThan(800);
  });

  it("marks only the tools that change settings as not read-only, and only the AWS readers as open-world", () => {
    const notReadOnly = TOOL_LIST.filter((t) => !t.annotations.readOnlyHint).map((t) => t.name);
    expect(notReadOnly.sort()).toEqual(["import_aws_tag_policy", "schedule_compliance_audit"]);
    for (const tool of TOOL_LIST) {
      expect(tool.annotations.destructiveHint).toBe(!tool.annotations.readOnlyHint);
    }
    const generators = TOOL_LIST.filter(
      (t) => t.name.startsWith("generate_") && t.name !== "generate_compliance_report",
    );
    expect(generators.every((t) => !t.annotations.openWorldHint)).toBe(true);
    expect(TOOL_LIST.find((t) => t.name === "check_tag_compliance")?.annotations.openWorldHint).toBe(true);
  });

  it("describes the generators' outputs instead of accepting anything", () => {
    for (const name of [
      "generate_custodian_policy",
      "generate_openops_workflow",
      "generate_terraform_policy",
      "generate_config_rules",
    ]) {
      const schema = TOOL_LIST.find((t) => t.name === name)?.outputSchema;
      expect(Object.keys((schema?.properties as object) ?? {}).length, name).toBeGreaterThanOrEqual(4);
    }
  });
});
