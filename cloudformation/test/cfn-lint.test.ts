// cfn-lint (AWS's own template linter, preinstalled for python3) on every template we ship, as
// the repository holds it and as rendered for an operator. A missing cfn-lint fails the suite
// with the fix; it never skips, because this is the independent check.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderTemplates, stackSetTemplatePath, templatePath } from "../src/index";

const platformPath = fileURLToPath(new URL("../platform/platform.yaml", import.meta.url));

interface Finding {
  Rule: { Id: string };
  Level: string;
  Location: { Path: (string | number)[] };
}

function cfnLint(path: string): Finding[] {
  const result = spawnSync("cfn-lint", ["--format", "json", "--", path], { encoding: "utf8" });
  if (result.error) {
    throw new Error(
      `cfn-lint could not run (${result.error.message}); install it with: pip install cfn-lint`,
    );
  }
  // cfn-lint exits 0 when clean and 2/4/8 (error/warning/info bits) with findings.
  if (result.status !== 0 && result.stdout.trim() === "")
    throw new Error(`cfn-lint failed: ${result.stderr}`);
  return result.stdout.trim() ? JSON.parse(result.stdout) : [];
}

const dir = mkdtempSync(join(tmpdir(), "tagc-cfn-lint-"));
const rendered = renderTemplates({ platformAccountId: "123456789012", scannerRolePattern: "tagc-scanner-*" });

describe("cfn-lint", () => {
  it.each(rendered)("passes the $kind template rendered for an operator with no finding", ({ key, body }) => {
    const path = join(dir, key);
    writeFileSync(path, body);
    expect(cfnLint(path)).toEqual([]);
  });

  it("passes the platform stack with no finding", () => {
    expect(cfnLint(platformPath)).toEqual([]);
  });

  it("passes the raw StackSet template (its placeholders sit only in an output)", () => {
    expect(cfnLint(stackSetTemplatePath)).toEqual([]);
  });

  // The repository file is not deployable, and cfn-lint says so on its own: the placeholder
  // account makes the trust principal an invalid ARN (IAM would answer MalformedPolicyDocument).
  // Nothing else in the raw file is flagged.
  it("flags the raw role template's principal, and only it, as not a valid account ARN", () => {
    const findings = cfnLint(templatePath);
    expect(readFileSync(templatePath, "utf8")).toContain("__PLATFORM_ACCOUNT_ID__");
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.Rule.Id).toBe("W1031");
      expect(finding.Location.Path.slice(0, 5)).toEqual([
        "Resources",
        "TagComplianceRole",
        "Properties",
        "AssumeRolePolicyDocument",
        "Statement",
      ]);
      expect(finding.Location.Path).toContain("Principal");
    }
  });
});
