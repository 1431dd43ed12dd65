import type { AwsCallObserver } from "@tagc/aws";
import type { ToolObserver } from "@tagc/services";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

// Label values come from closed sets only (tool names, error codes, SDK client and command names,
// guardrail and cache kinds): never a client id, key id, account id or anything a caller typed.

/** Prometheus metrics of this process; one registry per app so tests never share counters. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: "tagc_http_requests_total",
      help: "HTTP requests by method, route and status",
      labelNames: ["method", "route", "status"] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: "tagc_http_request_duration_seconds",
      help: "HTTP request duration by route",
      labelNames: ["method", "route"] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    verifications: new Counter({
      name: "tagc_verifications_total",
      help: "Background verifications by resulting status",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    // Background jobs: outcome is done, skipped, retry, failed (for good), lost (another worker has it)
    // or released (shutdown).
    jobs: new Counter({
      name: "tagc_jobs_total",
      help: "Background jobs run by this process, by kind and outcome",
      labelNames: ["kind", "outcome"] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "tagc_job_duration_seconds",
      help: "Background job duration by kind and outcome",
      labelNames: ["kind", "outcome"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    }),
    jobsEnqueued: new Counter({
      name: "tagc_jobs_enqueued_total",
      help: "Jobs this process's scheduler ticks enqueued, by kind",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    schedulerTicks: new Counter({
      name: "tagc_scheduler_ticks_total",
      help: "Scheduler ticks by outcome (ok, error)",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    toolCalls: new Counter({
      name: "tagc_tool_calls_total",
      help: "Tool calls by tool and result code (ok or the error code)",
      labelNames: ["tool", "code"] as const,
      registers: [registry],
    }),
    toolDuration: new Histogram({
      name: "tagc_tool_call_duration_seconds",
      help: "Tool call duration by tool and result code",
      labelNames: ["tool", "code"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    awsCalls: new Counter({
      name: "tagc_aws_calls_total",
      help: "AWS API calls (after the SDK's retries) by service, operation and outcome",
      labelNames: ["service", "operation", "outcome"] as const,
      registers: [registry],
    }),
    guardrailRefusals: new Counter({
      name: "tagc_guardrail_refusals_total",
      help: "Calls (or scanned regions) a guardrail refused, by kind",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    cacheLookups: new Counter({
      name: "tagc_cache_lookups_total",
      help: "Cache lookups by what the entry holds, tier (memory, shared) and result (hit, miss)",
      labelNames: ["cache", "tier", "result"] as const,
      registers: [registry],
    }),
  };
}

/** The tool pipeline's observer, feeding this registry. */
export function toolObserver(metrics: Metrics): ToolObserver {
  return {
    toolCall({ tool, code, seconds }) {
      metrics.toolCalls.inc({ tool, code });
      metrics.toolDuration.observe({ tool, code }, seconds);
    },
    guardrail: (kind) => metrics.guardrailRefusals.inc({ kind }),
    cache: ({ cache, tier, hit }) => metrics.cacheLookups.inc({ cache, tier, result: hit ? "hit" : "miss" }),
  };
}

/** The AWS clients' observer, feeding this registry. */
export function awsCallObserver(metrics: Metrics): AwsCallObserver {
  return ({ service, operation, outcome }) => metrics.awsCalls.inc({ service, operation, outcome });
}

export type Metrics = ReturnType<typeof createMetrics>;
