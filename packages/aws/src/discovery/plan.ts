// What a scan will do where: which types each region's Tagging walk covers, which listers run in
// it, and where the global types are read (once, from one region). S3 buckets are global for the
// product (one ListBuckets, region "global") but each lives in a region, and the Tagging API
// returns "the resources located in the specified Region": its filter goes into every walk, and
// each bucket still comes back exactly once.
import { isGlobalType, isTaggableType } from "@tagc/core";
import { LISTERS, type Lister } from "./listers";

export const PREFERRED_GLOBAL_REGION = "us-east-1";
/** Global types the Tagging API returns in the region where each resource lives. */
const WALKED_IN_EVERY_REGION = new Set(["s3:bucket"]);

export interface RegionPlan {
  region: string;
  /**
   * Types the Tagging walk asks for here: every regional type, plus the global ones in one region;
   * never a type AWS cannot tag (the API has no filter for it, and an unknown filter fails the walk).
   */
  walkTypes: string[];
  listers: Lister[];
}

export interface ScanPlan {
  /** Where global types are read; undefined when no region is scanned. */
  globalRegion: string | undefined;
  regions: RegionPlan[];
  /** Requested types with no lister, found by the Tagging API only. */
  taggedOnlyTypes: string[];
}

export function planScan(resourceTypes: readonly string[], regions: readonly string[]): ScanPlan {
  const types = [...new Set(resourceTypes)];
  const regional = types.filter((type) => !isGlobalType(type));
  const global = types.filter(isGlobalType);
  const everywhere = global.filter((type) => WALKED_IN_EVERY_REGION.has(type));
  const unique = [...new Set(regions)];
  const globalRegion = unique.includes(PREFERRED_GLOBAL_REGION) ? PREFERRED_GLOBAL_REGION : unique[0];
  const listersOf = (list: string[]) => list.flatMap((type) => LISTERS.get(type) ?? []);

  const plans = unique
    .map((region) => {
      const isGlobal = region === globalRegion;
      const types = isGlobal ? [...regional, ...global] : [...regional, ...everywhere];
      // A global type's lister runs once, in the global region.
      const listers = listersOf(isGlobal ? types : regional);
      return { region, walkTypes: types.filter(isTaggableType), listers };
    })
    .filter((plan) => plan.walkTypes.length > 0 || plan.listers.length > 0);
  return {
    globalRegion,
    regions: plans,
    taggedOnlyTypes: types.filter((type) => !LISTERS.has(type)).sort(),
  };
}
