import type { ToolDefinition } from "../define";
import { checkTagComplianceTool } from "./check-tag-compliance";
import { detectTagDriftTool } from "./detect-tag-drift";
import { exportForAutomationTool } from "./export-for-automation";
import { exportViolationsCsvTool } from "./export-violations-csv";
import { findUntaggedResourcesTool } from "./find-untagged-resources";
import { generateComplianceReportTool } from "./generate-compliance-report";
import {
  generateConfigRulesTool,
  generateCustodianPolicyTool,
  generateOpenopsWorkflowTool,
  generateTerraformPolicyTool,
} from "./generators";
import { getCostAttributionGapTool } from "./get-cost-attribution-gap";
import { getTaggingPolicyTool } from "./get-tagging-policy";
import { getViolationHistoryTool } from "./get-violation-history";
import { importAwsTagPolicyTool } from "./import-aws-tag-policy";
import { scheduleComplianceAuditTool } from "./schedule-compliance-audit";
import { suggestTagsTool } from "./suggest-tags";
import { validateResourceTagsTool } from "./validate-resource-tags";

/** The 17 tools, in the seed product's numbering. */
export const TOOLS: ToolDefinition[] = [
  checkTagComplianceTool,
  findUntaggedResourcesTool,
  validateResourceTagsTool,
  getCostAttributionGapTool,
  suggestTagsTool,
  getTaggingPolicyTool,
  generateComplianceReportTool,
  getViolationHistoryTool,
  generateCustodianPolicyTool,
  generateOpenopsWorkflowTool,
  scheduleComplianceAuditTool,
  detectTagDriftTool,
  exportViolationsCsvTool,
  importAwsTagPolicyTool,
  exportForAutomationTool,
  generateTerraformPolicyTool,
  generateConfigRulesTool,
];
