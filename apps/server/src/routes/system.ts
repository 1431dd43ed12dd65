// Liveness, readiness, Prometheus metrics, and the CloudFormation template the quick-create link uses.
import { renderTemplate, TEMPLATE_VERSION } from "@tagc/cloudformation";
import type { DatabaseHandle } from "@tagc/db";
import { envelope } from "../errors";
import type { AppDeps, ReadinessCheck, ReadinessResult } from "../types";
import type { Router } from "./context";

export function registerSystemRoutes(app: Router, deps: AppDeps, database: Pick<DatabaseHandle, "ping">) {
  const started = Date.now();

  app.get("/health", (c) =>
    c.json({
      status: "ok",
      version: deps.version,
      uptime_s: Math.round((Date.now() - started) / 1000),
      // Read when asked: the worker starts after the app is built, and only in the worker role.
      ...(deps.worker ? { worker: deps.worker.status() } : {}),
    }),
  );

  app.get("/health/ready", async (c) => {
    const checks: Record<string, ReadinessCheck> = {
      database: () => database.ping(),
      ...deps.readiness,
    };
    const outcomes = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => [name, await settle(check)] as const),
    );
    const results = Object.fromEntries(outcomes.map(([name, outcome]) => [name, outcome.ok]));
    const degraded = outcomes.filter(([, outcome]) => !outcome.ok).map(([name]) => name);
    // Only the failing checks' messages, and the key only when there is one: the shape stays
    // {status, checks, degraded} for callers that compare it exactly.
    const messages = Object.fromEntries(
      outcomes.flatMap(([name, outcome]) =>
        !outcome.ok && outcome.message ? [[name, outcome.message]] : [],
      ),
    );
    // Checks that work through a fallback say how: `modes: { cache: "memory-fallback" }`.
    const modes = Object.fromEntries(
      outcomes.flatMap(([name, outcome]) => (outcome.mode ? [[name, outcome.mode]] : [])),
    );
    return c.json(
      {
        status: degraded.length ? "degraded" : "ready",
        checks: results,
        degraded,
        ...(Object.keys(messages).length ? { messages } : {}),
        ...(Object.keys(modes).length ? { modes } : {}),
      },
      degraded.length ? 503 : 200,
    );
  });

  app.get("/metrics", async (c) => {
    c.header("content-type", deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });

  // Public by design, for a security reviewer to read before deploying: the exact text published to
  // S3 (quick-create links point there; CloudFormation reads only S3), rendered for this operator.
  // Rendered once, on first request: the file ships with the release and never changes while it runs.
  let template: string | undefined;
  const serveTemplate = () => {
    template ??= renderTemplate("role", deps.operator);
    return template;
  };
  app.get("/v1/templates/:file", async (c) => {
    const file = c.req.param("file");
    if (file !== "tag-compliance-role.yaml" && file !== `tag-compliance-role-${TEMPLATE_VERSION}.yaml`) {
      return envelope(
        c,
        "NOT_FOUND",
        `template ${file.slice(0, 80)} was not found; the current one is tag-compliance-role-${TEMPLATE_VERSION}.yaml`,
      );
    }
    c.header("content-type", "application/x-yaml; charset=utf-8");
    return c.body(serveTemplate());
  });
}

async function settle(check: ReadinessCheck): Promise<ReadinessResult> {
  try {
    const outcome = await check();
    return typeof outcome === "boolean" ? { ok: outcome } : outcome;
  } catch {
    return { ok: false };
  }
}
