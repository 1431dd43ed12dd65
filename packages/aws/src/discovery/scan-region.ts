// One region of a scan: its Tagging walk and its listers, side by side. The listers' calls share
// the region's limiter; the walk has its own lane, since it is the critical path.
import type { ListerContext, TaggedLookup } from "./listers";
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

  const walk = state
    .run(
      tasks.walk,
      () =>
        walkTagging({
          scan,
          region,
          accountId,
          types: plan.walkTypes,
          found: (resource) => void state.tagged.set(resource.arn, resource),
          onPage: () => state.addPage(region),
        }),
      passed,
    )
    .then(() => {
      const lookup: TaggedLookup | undefined =
        tasks.walk.status === "done" ? (arn) => state.tagged.has(arn) : undefined;
      lookups.settle(region, lookup);
    });

  const memo = new Map<string, Promise<unknown>>();
  const ctx: ListerContext = {
    scan,
    region,
    accountId,
    taggedLookup: (other = region) => lookups.get(other),
    taggedArns: async (type) => {
      if (!(await lookups.get(region))) return undefined;
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
  };
  const listers = plan.listers.map((lister, i) => {
    const task = tasks.listers[i];
    return task ? state.run(task, () => lister.list(ctx), passed) : Promise.resolve();
  });
  await Promise.all([walk, ...listers]);
  state.regionEnd.set(region, run.clock());
}
