// The contract between discovery and one per-service lister.
import type { ScanContext } from "../scan-context";

/** A resource as a lister sees it; `tags` is absent when the Tagging API already holds them. */
export interface ListedResource {
  arn: string;
  id: string;
  type: string;
  region: string;
  state: string | null;
  created_at: string | null;
  tags?: Record<string, string>;
  /** See Resource.parent_id: a volume's attached instance, a snapshot's source volume. */
  parent_id?: string | null;
}

export interface ListerContext {
  scan: ScanContext;
  /** The region the calls are signed for (for a global type: the region chosen for global types). */
  region: string;
  accountId: string;
  /**
   * Once the Tagging walk of `region` (default: this one) has read every page of this lister's
   * type: whether it returned an ARN of that type. The walk vouches for tags: returned means its
   * tags are known, absent means it has none. Undefined when that walk failed or did not run: the
   * lister must then read tags itself.
   */
  taggedLookup(region?: string): Promise<TaggedLookup | undefined>;
  /**
   * Once this region's Tagging walk has read every page of `type`: the ARNs it returned of it, for a
   * lister whose list call cannot spell an ARN (an EKS node group's ends in a UUID) or leaves
   * resources out (terminated EMR clusters). Undefined when that walk failed or did not run.
   */
  taggedArns(type: string): Promise<readonly string[] | undefined>;
  /** Memoised per region and scan, for calls two listers share (ECS clusters). */
  shared<T>(key: string, compute: () => Promise<T>): Promise<T>;
  emit(resource: ListedResource): void;
  /** A resource the scan must not report even if the Tagging API returns it (terminated instances). */
  exclude(arn: string): void;
}

export type TaggedLookup = (arn: string) => boolean;

export interface Lister {
  type: string;
  /** The IAM actions it calls, named when AWS denies one. */
  actions: readonly string[];
  list(ctx: ListerContext): Promise<void>;
  /**
   * Once the walk of its type ends, it calls AWS once per resource the walk did not return (for
   * what its list call lacks): the scan gives its type a short walk, so those calls start early.
   */
  describesUnwalked?: true;
}
