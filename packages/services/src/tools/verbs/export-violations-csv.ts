import { exportViolationsCsv as toCsv } from "@tagc/core";
import type { ToolCtx } from "../context";
import { analyse } from "../scan/analyse";
import { resolveResourceTypes } from "../scan/scope";

export interface ExportCsvInput {
  resource_types: string[];
  severity?: "all" | "errors_only" | "warnings_only" | undefined;
  columns?: string[] | undefined;
  cursor?: string | undefined;
  accounts?: string[] | undefined;
}

export async function exportViolationsCsv({ ctx, input }: { ctx: ToolCtx; input: ExportCsvInput }) {
  const resourceTypes = resolveResourceTypes(input.resource_types);
  const wantsCost = input.columns?.includes("cost_impact_monthly") ?? false;
  const { evaluation, scan } = await analyse(ctx, {
    tool: "export_violations_csv",
    resourceTypes,
    allTypes: input.resource_types.includes("all"),
    accounts: input.accounts,
    withCosts: wantsCost,
  });
  const page = toCsv({
    violations: evaluation.violations,
    ...(input.columns ? { columns: input.columns } : {}),
    ...(input.severity ? { severity: input.severity } : {}),
    ...(input.cursor ? { cursor: input.cursor } : {}),
  });
  return { ...page, data_quality: scan.data_quality };
}
