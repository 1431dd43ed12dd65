// The scan pipeline every scanning tool (and the scheduled audit) goes through, in one direction:
// plan (targets, credentials, policy, period) → discovery, with Cost Explorer alongside → quota and
// metering → analysis. `scanAccounts` stops before the analysis for tools that only need resources.
import { setImmediate } from "node:timers/promises";
import type { ToolCtx } from "../context";
import { type Analysis, analyse } from "./analyse";
import { type Spend, spendFor } from "./costs";
import { discover } from "./discover";
import { meter } from "./meter";
import { planScan, type ScanPlan } from "./plan";
import type { ScanOutcome, ScanRequest } from "./types";

export interface Scanned {
  plan: ScanPlan;
  scan: ScanOutcome;
  /** Present when the request asked for costs. */
  spend: Spend | undefined;
}

export { planScan };

export async function scanAccounts(ctx: ToolCtx, request: ScanRequest): Promise<Scanned> {
  return scanPlanned(ctx, await planScan(ctx, request));
}

/** The rest of the pipeline for a plan the tool looked at first (to refuse bad input before any read). */
export async function scanPlanned(ctx: ToolCtx, plan: ScanPlan): Promise<Scanned> {
  const [discovered, spend] = await Promise.all([discover(ctx, plan), spendFor(ctx, plan)]);
  // Metering a fresh scan writes a row per resource (thousands): it takes a slot of the tenant's in
  // the fair queue too, so one tenant's burst of cold scans cannot hold every database connection
  // while other tenants' warm calls wait for one (the cause of their 12× slower p95).
  const fresh = discovered.some((s) => !s.fromCache);
  const scan = fresh
    ? await ctx.scans.pacer.background(ctx.requestId, () =>
        ctx.scans.queue.run(ctx.client.id, undefined, () => meter(ctx, plan, discovered)),
      )
    : await meter(ctx, plan, discovered);
  if (spend?.issues.length) {
    scan.data_quality.issues.push(...spend.issues);
    scan.data_quality.status = "partial";
    scan.data_quality.note ??= "Cost data is missing for some accounts; cost numbers are not account-wide.";
  }
  return { plan, scan, spend };
}

export async function analyseAccounts(ctx: ToolCtx, request: ScanRequest): Promise<Analysis> {
  const { plan, scan, spend } = await scanAccounts(ctx, request);
  // A fresh scan's analysis is one long synchronous pass: other calls' ready work goes first.
  if (!scan.from_cache) await setImmediate();
  return analyse(ctx, plan, scan, spend);
}
