// discoverResources: one account, every requested type, every given region. Regions run side by
// side (bounded); in each, the Tagging walk and the listers run side by side (bounded per region).
// Past the deadline, the scan stops and returns what it has, naming what it could not finish.
import { isGlobalType } from "@tagc/core";
import { Deadline } from "./deadline";
import { Limiter } from "./limiter";
import { mergeResources, withheldKey } from "./merge";
import { planScan, type ScanPlan } from "./plan";
import { buildDataQuality, failureCode } from "./quality";
import { ScanContext } from "./scan-context";
import { type RegionRun, scanRegion } from "./scan-region";
import { ScanState } from "./state";
import type { DiscoverResourcesInput, DiscoveryConcurrency, DiscoveryResult, RegionStats } from "./types";
import { WalkLookups } from "./walk-lookups";

export const DEFAULT_DEADLINE_MS = 50_000;
export const DEFAULT_CONCURRENCY: Readonly<DiscoveryConcurrency> = { regions: 8, perRegion: 16 };
/** After the deadline, how long the tasks get to notice the cancellation before we stop waiting. */
const GRACE_MS = 250;

export async function discoverResources(input: DiscoverResourcesInput): Promise<DiscoveryResult> {
  const clock = () => {
    const value = (input.now ?? Date.now)();
    return typeof value === "number" ? value : value.getTime();
  };
  const started = clock();
  const concurrency = { ...DEFAULT_CONCURRENCY, ...input.concurrency };
  const deadline = new Deadline(input.deadlineMs ?? DEFAULT_DEADLINE_MS, input.signal);
  const scan = new ScanContext({
    config: input.config,
    credentials: input.credentials,
    deadline,
    perRegion: concurrency.perRegion,
    gate: input.gate,
  });
  const state = new ScanState(input.onProgress);
  const plan = planScan(input.resourceTypes, input.regions);
  const lookups = new WalkLookups(new Map(plan.regions.map((r) => [r.region, r.walkTypes])));
  deadline.reached.then(() => lookups.abandon());

  // Every task is registered before anything runs: a region still queued at the deadline is
  // reported as unfinished, like one cut off half-way.
  const runs = plan.regions.map((regionPlan) => ({
    plan: regionPlan,
    tasks: {
      walk: state.task({ region: regionPlan.region, kind: "walk", walkTypes: regionPlan.walkTypes }),
      listers: regionPlan.listers.map((lister) =>
        state.task({ region: regionPlan.region, kind: "lister", type: lister.type, actions: lister.actions }),
      ),
    },
  }));
  const regionSlots = new Limiter(concurrency.regions, deadline.signal);
  const run: RegionRun = { scan, state, lookups, accountId: input.accountId, clock };
  const all = Promise.allSettled(
    runs.map(({ plan: regionPlan, tasks }) =>
      regionSlots.run("page", () => scanRegion(run, regionPlan, tasks)),
    ),
  );
  try {
    await Promise.race([all, deadline.reached.then(() => new Promise((r) => setTimeout(r, GRACE_MS)))]);
  } finally {
    // The clients stay for the scope's next scan (clients.ts).
    deadline.dispose();
  }
  const finished = clock();
  return {
    resources: mergeResources({
      accountId: input.accountId,
      tagged: state.tagged,
      listed: state.listed,
      excluded: state.excluded,
      withheld: withheldTypes(state),
    }),
    data_quality: buildDataQuality({
      accountId: input.accountId,
      tasks: state.tasks,
      taggedOnlyTypes: plan.taggedOnlyTypes,
      regionsByType: regionsByType(plan),
    }),
    stats: {
      api_calls: scan.clients.requests,
      pages: scan.pages,
      duration_ms: finished - started,
      per_region: regionStats(plan, state, finished),
    },
  };
}

/** Where a lister was denied, its type is withheld (see merge.ts). */
function withheldTypes(state: ScanState): Set<string> {
  const denied = state.tasks.filter(
    (t) => t.kind === "lister" && t.type && t.status === "failed" && failureCode(t) === "ACCESS_DENIED",
  );
  return new Set(
    denied.map((t) => withheldKey(isGlobalType(t.type ?? "") ? "global" : t.region, t.type ?? "")),
  );
}

function regionsByType(plan: ScanPlan): Map<string, string[]> {
  const map = new Map<string, string[]>();
  // A type AWS cannot tag is in no walk: its lister says where it was scanned.
  for (const { region, walkTypes, listers } of plan.regions) {
    for (const type of new Set([...walkTypes, ...listers.map((lister) => lister.type)]))
      map.set(type, [...(map.get(type) ?? []), region]);
  }
  return map;
}

function regionStats(plan: ScanPlan, state: ScanState, finished: number): Record<string, RegionStats> {
  const stats: Record<string, RegionStats> = {};
  for (const { region } of plan.regions) {
    const start = state.regionStart.get(region);
    stats[region] = {
      pages: state.regionPages.get(region) ?? 0,
      duration_ms: start === undefined ? 0 : (state.regionEnd.get(region) ?? finished) - start,
    };
  }
  return stats;
}
