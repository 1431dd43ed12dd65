import { createHash } from "node:crypto";
import type { DiscoveryResult } from "@tagc/aws";
import type { Resource } from "@tagc/core";
import type { ScanTarget } from "./targets";

export const SCAN_TTL_S = 300;

export interface ScanRequest {
  tool: string;
  resourceTypes: string[];
  regions?: string[] | undefined;
  accounts?: string[] | undefined;
  /** Already resolved by the caller (one connections read per call); resolved from `accounts` otherwise. */
  targets?: ScanTarget[] | undefined;
  policyVersion: number;
  forceRefresh?: boolean | undefined;
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

/** One account's discovery result as cached: when it was taken and an id for exactly this data. */
export type StampedScan = DiscoveryResult & { scanned_at: string; scan_id: string };

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

export const hash = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 24);
