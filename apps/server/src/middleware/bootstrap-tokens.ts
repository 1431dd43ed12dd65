// The bootstrap admin token, compared by SHA-256. Several hashes may be accepted at once, each with an
// optional end, so the token rotates without a window where a replica accepts neither: deploy with
// "old,new", move callers to the new token, then drop the old hash (or let its end pass).
import { createHash, timingSafeEqual } from "node:crypto";

export interface BootstrapHash {
  sha256: string;
  /** After this instant the hash is refused (the end of a rotation's overlap). */
  until?: Date | undefined;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

export function bootstrapMatcher(hashes: readonly BootstrapHash[]) {
  const accepted = hashes.map((hash) => ({ digest: Buffer.from(hash.sha256, "hex"), until: hash.until }));
  return (token: string, now: Date): boolean => {
    const presented = digest(token);
    // Every entry is compared, so the time taken does not tell which one (if any) matched.
    let matched = false;
    for (const hash of accepted) {
      const equal = timingSafeEqual(presented, hash.digest);
      if (equal && (!hash.until || now < hash.until)) matched = true;
    }
    return matched;
  };
}
