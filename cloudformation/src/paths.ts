import { fileURLToPath } from "node:url";

// Resolved from this module rather than the process cwd, so callers in any workspace package
// (the AWS sandbox, the control plane) read the same published file.

/** Absolute path of the single-account customer role template. */
export const templatePath = fileURLToPath(new URL("../tag-compliance-role.yaml", import.meta.url));

/** Absolute path of the organization-wide StackSet variant. */
export const stackSetTemplatePath = fileURLToPath(
  new URL("../tag-compliance-stackset.yaml", import.meta.url),
);
