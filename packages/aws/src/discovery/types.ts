// Shapes discovery hands to the services layer: the resources it found, how complete they are,
// and what the scan cost in calls and time.
import type { Resource } from "@tagc/core";
import type { AwsConfig } from "../config";
import type { AwsCredentialIdentityProvider } from "../types";

export type DataQualityCode = "ACCESS_DENIED" | "THROTTLED" | "REGION_FAILED" | "TIMEOUT" | "UNKNOWN";

/** One part of the account that was not read completely. `message` is our fixed text, never AWS's. */
export interface DataQualityIssue {
  scope: "region" | "resource_type" | "account";
  /** Absent on a resource_type issue that holds in every scanned region. */
  region?: string;
  resource_type?: string;
  account_id: string;
  code: DataQualityCode;
  message: string;
}

export interface DataQuality {
  status: "complete" | "partial";
  issues: DataQualityIssue[];
  /** Requested types with no per-service lister: only resources that carry a tag are found. */
  tagged_only_types: string[];
  /** A sentence for the model: what the numbers cover and how (not) to present them. */
  note?: string;
}

export interface RegionStats {
  /** Tagging API pages read in the region: a sequential walk, so it sets the region's floor. */
  pages: number;
  duration_ms: number;
}

export interface DiscoveryStats {
  /** HTTP requests sent, SDK retries included. */
  api_calls: number;
  /** Pages of every paginated list call (Tagging and listers). */
  pages: number;
  duration_ms: number;
  per_region: Record<string, RegionStats>;
}

export interface DiscoveryResult {
  resources: Resource[];
  data_quality: DataQuality;
  stats: DiscoveryStats;
}

export interface DiscoveryConcurrency {
  /** Regions scanned at the same time. */
  regions: number;
  /**
   * Lister calls in flight per region (the Tagging walk has its own lane: it only ever has one
   * page in flight, and it is the critical path).
   */
  perRegion: number;
}

/** One tenant's session: the caller passes `broker.providerFor(target)`. */
export interface AwsAccess {
  config: AwsConfig;
  credentials: AwsCredentialIdentityProvider;
}

/**
 * Admits each AWS call of a discovery (every lane, the Tagging walk included), shared by all the
 * discoveries of a process: the caller's way to pace cold scans while other work waits for the loop.
 */
export interface CallGate {
  run<T>(call: () => Promise<T>): Promise<T>;
}

export interface DiscoverResourcesInput extends AwsAccess {
  accountId: string;
  /** Catalog types (already validated as cost-generating). */
  resourceTypes: readonly string[];
  /** Enabled regions, already intersected with the user's filter. */
  regions: readonly string[];
  /** Overall budget, below the MCP client's 60 s timeout. */
  deadlineMs?: number;
  concurrency?: Partial<DiscoveryConcurrency>;
  gate?: CallGate;
  /** Clock for the stats only; the deadline runs on a real timer, so a frozen clock cannot disable it. */
  now?: () => Date | number;
  /** Cancels the scan (a disconnected caller); handled like the deadline. */
  signal?: AbortSignal;
  /** Told as each page arrives and each task ends (MCP progress notifications); must not throw. */
  onProgress?: (progress: DiscoveryProgress) => void;
}

/** How far a running discovery has got; every field only grows. */
export interface DiscoveryProgress {
  tasksDone: number;
  tasksTotal: number;
  pages: number;
  /** Resource records read so far (the walk and a lister may each return the same resource). */
  records: number;
}
