// The regions one account is scanned in. DescribeRegions answers them; when it fails, the scan still
// answers (partial) over the regions of the last successful discovery for this client and account,
// else the regions the request named, else AWS's default regions, and says which in data_quality.
import { AwsReadError, DEFAULT_ENABLED_REGIONS, listEnabledRegions } from "@tagc/aws";
import { z } from "zod";
import type { ToolCtx } from "../context";
import type { PlannedTarget } from "./plan";
import type { ScanIssue } from "./types";

const REGIONS_TTL_S = 3600;
/** The last good answer outlives the fresh one by far: it is only read when AWS cannot answer. */
const LAST_KNOWN_TTL_S = 30 * 86_400;
const regionList = z.array(z.string().min(1)).min(1);

export interface AccountRegions {
  enabled: string[];
  /** Set when DescribeRegions failed and a fallback list was used. */
  fallback?: ScanIssue;
}

export async function accountRegions(
  ctx: ToolCtx,
  target: PlannedTarget,
  requested: readonly string[] | undefined,
): Promise<AccountRegions> {
  // Both keys sit under the tenant-scoped cache handle, so one client's regions never serve another.
  const lastKey = `regions-last:${target.accountId}`;
  try {
    const enabled = await ctx.cache.getOrCompute(`regions:${target.accountId}`, REGIONS_TTL_S, async () => {
      const fresh = await listEnabledRegions({ config: ctx.deps.aws, credentials: target.credentials });
      await ctx.cache.setJson(lastKey, fresh, LAST_KNOWN_TTL_S);
      return fresh;
    });
    return { enabled };
  } catch (error) {
    if (!(error instanceof AwsReadError)) throw error;
    const why = `ec2:DescribeRegions failed (${error.code}: ${error.message})`;
    const last = regionList.safeParse(await ctx.cache.getJson(lastKey));
    const [enabled, source] = last.success
      ? [last.data, "the regions of the last successful discovery"]
      : requested?.length
        ? [[...requested], "the regions the request named (not verified as enabled)"]
        : [
            [...DEFAULT_ENABLED_REGIONS],
            "AWS's default regions (opt-in regions the account enabled are not covered)",
          ];
    return {
      enabled,
      fallback: {
        scope: "account",
        code: "REGIONS_FALLBACK",
        account_id: target.accountId,
        message: `${why}; scanned ${source}: ${[...enabled].sort().join(", ")}.`,
      },
    };
  }
}
