// Everything one discoverResources call shares: clients, the deadline, per-region call limiters,
// our own retry on throttling, and the page and call counters.
import type { AwsConfig } from "../config";
import { AssumeRoleError, classifyAwsError } from "../errors";
import type { AwsCredentialIdentityProvider } from "../types";
import { ScanClients } from "./clients";
import type { Deadline } from "./deadline";
import { Limiter, type Priority } from "./limiter";
import type { CallGate } from "./types";

/** Extra tries after the SDK gave up on throttling, each after a longer, jittered pause. */
const THROTTLE_RETRIES = 3;
const THROTTLE_BASE_MS = 250;
const THROTTLE_CAP_MS = 4_000;

/** "walk": the Tagging API walk, outside the limiters; the others queue in the region's limiter (limiter.ts). */
export type Lane = "walk" | Priority;

export interface ScanContextOptions {
  config: AwsConfig;
  credentials: AwsCredentialIdentityProvider;
  deadline: Deadline;
  perRegion: number;
  gate?: CallGate | undefined;
  random?: () => number;
}

export class ScanContext {
  readonly clients: ScanClients;
  readonly deadline: Deadline;
  private readonly limiters = new Map<string, Limiter>();
  private readonly perRegion: number;
  private readonly random: () => number;
  private readonly gate: CallGate | undefined;
  /** The session could not be had: every later call would ask STS again, for the same refusal. */
  private sessionError: AssumeRoleError | undefined;
  pages = 0;

  constructor(options: ScanContextOptions) {
    this.clients = new ScanClients(options.config, options.credentials, options.deadline.signal);
    this.deadline = options.deadline;
    this.perRegion = options.perRegion;
    this.random = options.random ?? Math.random;
    this.gate = options.gate;
  }

  /**
   * One AWS call signed for `region`: waits for a slot, passes the deadline's signal to the SDK,
   * and retries throttling a few more times than the SDK did, never past the deadline.
   */
  async call<T>(region: string, lane: Lane, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      this.deadline.throwIfExpired();
      if (this.sessionError) throw this.sessionError;
      try {
        const { gate } = this;
        const attempt = () =>
          gate ? gate.run(() => send(this.deadline.signal)) : send(this.deadline.signal);
        return lane === "walk" ? await attempt() : await this.limiterFor(region).run(lane, attempt);
      } catch (error) {
        if (error instanceof AssumeRoleError) this.sessionError = error;
        if (this.deadline.expired || retry >= THROTTLE_RETRIES) throw error;
        if (classifyAwsError(error).code !== "THROTTLED") throw error;
        // Full jitter: concurrent callers throttled together do not come back together.
        const ceiling = Math.min(THROTTLE_CAP_MS, THROTTLE_BASE_MS * 2 ** retry);
        await this.deadline.sleep(Math.floor(this.random() * ceiling));
      }
    }
  }

  /** Counts one page of a paginated list call. */
  page(): void {
    this.pages += 1;
  }

  private limiterFor(region: string): Limiter {
    let limiter = this.limiters.get(region);
    if (!limiter) {
      limiter = new Limiter(this.perRegion, this.deadline.signal);
      this.limiters.set(region, limiter);
    }
    return limiter;
  }
}
