// A resource deleted between the list call and the per-item call is simply no longer there: that
// is not a failure of the scan.
const NOT_FOUND = new Set([
  "ResourceNotFoundException",
  "NoSuchBucket",
  "ClusterNotFoundException",
  "LoadBalancerNotFoundException",
  "TargetGroupNotFoundException",
  "CacheClusterNotFoundFault",
  "ReplicationGroupNotFoundFault",
  "EntityNotFoundException",
  "ResourceNotFound",
  "NoSuchResource",
  "NoSuchHostedZone",
  "ResourceNotFoundFault",
]);

export const isGone = (error: unknown): boolean =>
  typeof error === "object" && error !== null && NOT_FOUND.has(String((error as { name?: unknown }).name));

/** The item call's answer, or undefined when the resource disappeared meanwhile. */
export async function unlessGone<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (isGone(error)) return undefined;
    throw error;
  }
}
