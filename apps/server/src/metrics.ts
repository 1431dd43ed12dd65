import type { AwsCallObserver } from "@tagc/aws";
import type { AlertConfig, AuditBatch, ToolObserver, WriteQueue } from "@tagc/services";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

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
    // 1 for the current state, 0 for the others: alert on tagc_redis_circuit_state{state="open"} == 1.
    redisCircuit: new Gauge({
      name: "tagc_redis_circuit_state",
      help: "Redis circuit breaker state (closed: on Redis; open, half-open: cache and limits on process memory)",
      labelNames: ["state"] as const,
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
    // Every attempt of a schedule's alert: channel email, slack or teams; outcome delivered, retry
    // (failed, tried again after the back-off) or failed (for good).
    alertDeliveries: new Counter({
      name: "tagc_alert_deliveries_total",
      help: "Alert delivery attempts of scheduled audits, by channel and outcome",
      labelNames: ["channel", "outcome"] as const,
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

/** The alert deliveries' observer, feeding this registry. */
export function alertObserver(metrics: Metrics): NonNullable<AlertConfig["onDelivery"]> {
  return ({ channel, outcome }) => metrics.alertDeliveries.inc({ channel, outcome });
}

/** The AWS clients' observer, feeding this registry. */
export function awsCallObserver(metrics: Metrics): AwsCallObserver {
  return ({ service, operation, outcome }) => metrics.awsCalls.inc({ service, operation, outcome });
}

export type Metrics = ReturnType<typeof createMetrics>;

/** At most this many tenants get their own label on the scan gauge; the rest are summed as "other". */
export const SCAN_GAUGE_CLIENTS = 100;

/**
 * The per-tenant gauge of cold scans running and queued (the fair queue's view), read at scrape time.
 * Only tenants with a scan now appear, the busiest first, so the label set stays bounded.
 */
export function watchScanLoad(
  metrics: Metrics,
  queue: { load(): Map<string, { running: number; queued: number }> },
): void {
  new Gauge({
    name: "tagc_scans",
    help: "Cold scans running and queued in this process, by client (the busiest 100; the rest as other)",
    labelNames: ["client", "state"] as const,
    registers: [metrics.registry],
    collect() {
      this.reset();
      const busiest = [...queue.load()].sort(([, a], [, b]) => b.running + b.queued - (a.running + a.queued));
      busiest.forEach(([clientId, load], i) => {
        const client = i < SCAN_GAUGE_CLIENTS ? clientId : "other";
        this.inc({ client, state: "running" }, load.running);
        this.inc({ client, state: "queued" }, load.queued);
      });
    },
  });
}

/** The write queue's backlog and losses (services/src/writes/queue.ts), read from the queue itself. */
export function watchWriteQueue(
  metrics: Metrics,
  writes: WriteQueue | undefined,
  audit?: AuditBatch | undefined,
): void {
  if (!writes) return;
  const dropped = new Counter({
    name: "tagc_write_queue_dropped_total",
    help: "Audit and usage records lost: the in-memory write queue was full (WRITE_QUEUE_MAX) or a record could not be written",
    registers: [metrics.registry],
  });
  writes.onDrop((count) => dropped.inc(count));
  // The audit batch's losses are the same loss (rows nothing could write), so the same counter.
  audit?.onDrop((count) => dropped.inc(count));
  new Gauge({
    name: "tagc_write_queue_records",
    help: "Audit and usage records waiting in memory for the database to return",
    registers: [metrics.registry],
    collect() {
      this.set(writes.stats.queued);
    },
  });
}
