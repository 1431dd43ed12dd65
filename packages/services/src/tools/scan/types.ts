import { hash as sha256 } from "node:crypto";
import type { DiscoveryResult } from "@tagc/aws";
import type { GapGroupBy, Resource } from "@tagc/core";
import type { ScanTarget } from "./targets";

/** How long a scan stays fresh, on the services clock (the stores' TTLs only bound memory). */
export const SCAN_TTL_S = 300;

export type Severity = "all" | "errors_only" | "warnings_only";

export interface TimePeriod {
  Start: string;
  End: string;
}

/** What a tool asks the pipeline for. */
export interface ScanRequest {
  tool: string;
  resourceTypes: string[];
  /** The caller asked for "all": services with no taggable resource stay out of the gap. */
  allTypes?: boolean | undefined;
  regions?: string[] | undefined;
  /** The argument `regions` came from, for the refusal to name it (default "filters.regions"). */
  regionsField?: string | undefined;
  accounts?: string[] | undefined;
  /** The argument `accounts` came from, for the refusal to name it (default "accounts"). */
  accountsField?: string | undefined;
  /** Already resolved by the tool (it validated ARNs against them); resolved from `accounts` otherwise. */
  targets?: ScanTarget[] | undefined;
  forceRefresh?: boolean | undefined;
  /** Present: Cost Explorer spend is read alongside discovery. */
  costs?: { period?: Partial<TimePeriod> | undefined; groupBy?: GapGroupBy | undefined } | undefined;
  /** Which violations an analysis lists; never changes the score or totals. */
  severity?: Severity | undefined;
}

export interface ScanIssue {
  scope: string;
  code: string;
  message: string;
  region?: string;
  resource_type?: string;
  account_id?: string;
}

export interface ScanQuality {
  status: "complete" | "partial";
  issues: ScanIssue[];
  tagged_only_types: string[];
  note: string | null;
}

/** One account's data quality: discovery's issues, plus those the pipeline adds (the AWS budget). */
export interface AccountQuality {
  status: "complete" | "partial";
  issues: ScanIssue[];
  tagged_only_types: string[];
  note?: string | undefined;
}

/** One account's discovery result as cached: when it was taken and an id for exactly this data. */
export type StampedScan = Omit<DiscoveryResult, "data_quality"> & {
  data_quality: AccountQuality;
  scanned_at: string;
  scan_id: string;
};

export interface ScanOutcome {
  /** Identifies the scanned data (null when the quota trimmed it): equal ids, equal resources. */
  scan_id: string | null;
  resources: Resource[];
  accounts: string[];
  regions: string[];
  scanned_at: string;
  from_cache: boolean;
  data_quality: ScanQuality;
  quota: {
    limit: number | null;
    used: number;
    remaining: number | null;
    over_quota: boolean;
    message: string | null;
  };
}

export const hash = (value: unknown) => sha256("sha256", JSON.stringify(value), "hex").slice(0, 24);
