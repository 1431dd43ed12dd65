// One region of a scan: its Tagging walk and its listers, side by side. The listers' calls share
// the region's limiter; the walk has its own lane, since it is the critical path.
import { setImmediate } from "node:timers/promises";
import type { Lister, ListerContext, TaggedLookup } from "./listers";
import type { RegionPlan } from "./plan";
import type { ScanContext } from "./scan-context";
import type { ScanState, Task } from "./state";
import { walkTagging } from "./tagging-walk";
import type { WalkLookups } from "./walk-lookups";

export interface RegionTasks {
  walk: Task;
  listers: Task[];
}

export interface RegionRun {
  scan: ScanContext;
  state: ScanState;
  lookups: WalkLookups;
  accountId: string;
  clock: () => number;
}

export async function scanRegion(run: RegionRun, plan: RegionPlan, tasks: RegionTasks): Promise<void> {
  const { scan, state, lookups, accountId } = run;
  const { region } = plan;
  state.regionStart.set(region, run.clock());
  const passed = () => scan.deadline.expired;
  const lookup: TaggedLookup = (arn) => state.tagged.has(arn);

  const walk = state
    .run(
      tasks.walk,
      () =>
        walkTagging({
          scan,
          region,
          accountId,
          types: plan.walkTypes,
          early: new Set(plan.listers.filter((lister) => lister.describesUnwalked).map((l) => l.type)),
          found: (resource) => void state.tagged.set(resource.arn, resource),
          onPage: () => state.addPage(region),
          // A walk's types are vouched for once its last page is read, while the others still page.
          onWalkEnd: (types, ok) => lookups.settleTypes(region, types, ok ? lookup : undefined),
        }),
      passed,
    )
    .then(() => lookups.settleRegion(region, tasks.walk.status === "done" ? lookup : undefined));

  const memo = new Map<string, Promise<unknown>>();
  // One context per lister: its lookups wait for the walk that returns its own type.
  const contextOf = (lister: Lister): ListerContext => ({
    scan,
    region,
    accountId,
    taggedLookup: (other = region) => lookups.get(other, lister.type),
    taggedArns: async (type) => {
      if (!(await lookups.get(region, type))) return undefined;
      return [...state.tagged.values()]
        .filter((r) => r.type === type && r.region === region)
        .map((r) => r.arn);
    },
    shared: <T>(key: string, compute: () => Promise<T>) => {
      let value = memo.get(key);
      if (!value) {
        value = compute();
        memo.set(key, value);
      }
      return value as Promise<T>;
    },
    emit: (resource) => void state.listed.set(resource.arn, resource),
    exclude: (arn) => void state.excluded.add(arn),
  });
  // The walk's first request goes out before the listers' (the SDK signs and sends in microtasks,
  // so ~50 listers started at once would each get their turn first): it heads the longest chain.
  await setImmediate();
  const listers = plan.listers.map((lister, i) => {
    const task = tasks.listers[i];
    return task ? state.run(task, () => lister.list(contextOf(lister)), passed) : Promise.resolve();
  });
  await Promise.all([walk, ...listers]);
  state.regionEnd.set(region, run.clock());
}
