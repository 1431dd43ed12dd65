import type { WriteQueue } from "@tagc/services";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics of this process; one registry per app so tests never share counters. */
export function createMetrics(sources: { writes?: WriteQueue | undefined } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const { writes } = sources;
  const writeQueueDropped = new Counter({
    name: "tagc_write_queue_dropped_total",
    help: "Audit and usage records lost: the in-memory write queue was full (WRITE_QUEUE_MAX) or a record could not be written",
    registers: [registry],
  });
  writes?.onDrop((count) => writeQueueDropped.inc(count));
  return {
    writeQueueDropped,
    writeQueueRecords: new Gauge({
      name: "tagc_write_queue_records",
      help: "Audit and usage records waiting in memory for the database to return",
      registers: [registry],
      collect() {
        this.set(writes?.stats.queued ?? 0);
      },
    }),
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
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
