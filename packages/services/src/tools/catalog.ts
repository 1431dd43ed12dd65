// The 17 tools, in the seed product's numbering: what the MCP edge registers, one adapter for all.
import { checkTagCompliance } from "./check-tag-compliance";
import type { Tool } from "./define";
import { detectTagDrift } from "./detect-tag-drift";
import { exportForAutomation } from "./export-for-automation";
import { exportViolationsCsv } from "./export-violations-csv";
import { findUntaggedResources } from "./find-untagged-resources";
import { generateComplianceReport } from "./generate-compliance-report";
import { generateConfigRules } from "./generate-config-rules";
import { generateCustodianPolicy } from "./generate-custodian-policy";
import { generateOpenopsWorkflow } from "./generate-openops-workflow";
import { generateTerraformPolicy } from "./generate-terraform-policy";
import { getCostAttributionGap } from "./get-cost-attribution-gap";
import { getTaggingPolicy } from "./get-tagging-policy";
import { getViolationHistory } from "./get-violation-history";
import { importAwsTagPolicy } from "./import-aws-tag-policy";
import { scheduleComplianceAudit } from "./schedule-compliance-audit";
import { suggestTags } from "./suggest-tags";
import { validateResourceTags } from "./validate-resource-tags";

export const TOOLS: readonly Tool[] = [
  checkTagCompliance,
  findUntaggedResources,
  validateResourceTags,
  getCostAttributionGap,
  suggestTags,
  getTaggingPolicy,
  generateComplianceReport,
  getViolationHistory,
  generateCustodianPolicy,
  generateOpenopsWorkflow,
  scheduleComplianceAudit,
  detectTagDrift,
  exportViolationsCsv,
  importAwsTagPolicy,
  exportForAutomation,
  generateTerraformPolicy,
  generateConfigRules,
];

const byName = new Map(TOOLS.map((tool) => [tool.name, tool]));

export const findTool = (name: string): Tool | undefined => byName.get(name);
