// Latency and failure injection, settable per run (CLI / startSandbox) or at run time (admin API).
// Operations are named "service:Action" as IAM names them, e.g. "tag:GetResources".
import { z } from "zod";

export const faultsSchema = z
  .object({
    /** Fixed latency added to every call, plus up to `jitter_ms` of random extra. */
    latency_ms: z.number().int().min(0).max(60_000).default(0),
    jitter_ms: z.number().int().min(0).max(60_000).default(0),
    /** Per-operation fixed latency overriding `latency_ms`, e.g. { "tag:GetResources": 50 }. */
    operation_latency_ms: z.record(z.string(), z.number().int().min(0).max(60_000)).default({}),
    throttle: z
      .object({
        /** Probability in [0, 1] that a matching call is throttled. */
        rate: z.number().min(0).max(1).default(0),
        /** Deterministic: throttle the next N matching calls, then stop. */
        next: z.number().int().min(0).default(0),
        /** Limit throttling to these operations (default: every operation but sts:*). */
        operations: z.array(z.string()).default([]),
      })
      .strict()
      .default({ rate: 0, next: 0, operations: [] }),
    /** Every call signed for these regions answers 503 ServiceUnavailable (STS excepted). */
    failing_regions: z.array(z.string()).default([]),
    /** These operations answer 500 InternalFailure. */
    failing_operations: z.array(z.string()).default([]),
    /**
     * Calls of `operation` whose input (as JSON) contains every one of `input_contains` answer 500
     * InternalFailure: one query of several, or its pages after the first ("PaginationToken").
     */
    failing_requests: z
      .array(z.object({ operation: z.string(), input_contains: z.array(z.string()).min(1) }).strict())
      .default([]),
  })
  .strict();

export type Faults = z.infer<typeof faultsSchema>;
export type FaultsInput = z.input<typeof faultsSchema>;

export class FaultInjector {
  private faults: Faults = faultsSchema.parse({});

  constructor(private readonly random: () => number = Math.random) {}

  get current(): Faults {
    return this.faults;
  }

  set(input: FaultsInput): Faults {
    this.faults = faultsSchema.parse(input);
    return this.faults;
  }

  delayFor(operation: string): number {
    const fixed = this.faults.operation_latency_ms[operation] ?? this.faults.latency_ms;
    return fixed + (this.faults.jitter_ms ? Math.floor(this.random() * this.faults.jitter_ms) : 0);
  }

  shouldThrottle(operation: string): boolean {
    const { throttle } = this.faults;
    const applies = throttle.operations.length
      ? throttle.operations.includes(operation)
      : !operation.startsWith("sts:");
    if (!applies) return false;
    if (throttle.next > 0) {
      throttle.next -= 1;
      return true;
    }
    return throttle.rate > 0 && this.random() < throttle.rate;
  }

  regionFails = (region: string, operation: string) =>
    !operation.startsWith("sts:") && this.faults.failing_regions.includes(region);

  operationFails = (operation: string) => this.faults.failing_operations.includes(operation);

  requestFails(operation: string, input: unknown): boolean {
    const rules = this.faults.failing_requests.filter((rule) => rule.operation === operation);
    if (!rules.length) return false;
    const json = JSON.stringify(input) ?? "";
    return rules.some((rule) => rule.input_contains.every((part) => json.includes(part)));
  }
}
