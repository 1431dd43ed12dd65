import type { TenantCache } from "../cache/tenant-cache";
import { canonicalJson } from "./canonical-json";
import { callerScope, digest } from "./scope";

export interface LoopDetectorOptions {
  /** Identical calls allowed inside one window; the next is refused (default 3, so the 4th is refused). */
  maxIdentical?: number;
  /** Window length, counted from the first of the identical calls (default 300 s). */
  windowSeconds?: number;
}

export interface LoopCall {
  keyId: string;
  sessionId?: string | undefined;
  tool: string;
  args: unknown;
}

export type LoopVerdict =
  | { allowed: true; count: number | null }
  | { allowed: false; count: number; message: string };

/**
 * Stops a model that repeats itself. A call is identified by the tool and its arguments as canonical
 * JSON (key order does not matter) per session, or per API key without one. The counter is a fixed
 * window opened by the first call, so "the 4th identical call within 5 minutes" is measured from the
 * first; refused calls count too, so a model that keeps repeating stays refused until the window ends.
 */
export class LoopDetector {
  readonly maxIdentical: number;
  readonly windowSeconds: number;

  constructor(options: LoopDetectorOptions = {}) {
    this.maxIdentical = options.maxIdentical ?? 3;
    this.windowSeconds = options.windowSeconds ?? 300;
  }

  async check(cache: TenantCache, call: LoopCall): Promise<LoopVerdict> {
    const fingerprint = digest(`${call.tool}\u0000${canonicalJson(call.args)}`);
    const key = `guard:loop:${callerScope(call.keyId, call.sessionId)}:${fingerprint}`;
    const count = await cache.incr(key, this.windowSeconds);
    if (count === null || count <= this.maxIdentical) return { allowed: true, count };
    const window =
      this.windowSeconds >= 60
        ? `${Math.round(this.windowSeconds / 60)} minutes`
        : `${this.windowSeconds} seconds`;
    return {
      allowed: false,
      count,
      message:
        `${call.tool} was called ${count} times with the same arguments within ${window}. ` +
        "Stop repeating this call: the answer will not change. Use the result you already have, call " +
        "the tool with different arguments (for example another region, resource type or page cursor), " +
        "or tell the user what you found and ask how to continue.",
    };
  }
}
