// The console's one error page. A services error keeps the REST edge's status and its message (which
// names the field and what is allowed); the CSRF check's refusal is a 403; anything unexpected is
// logged with the request id and shown as a generic message, never a stack trace.
import { asServiceError } from "@tagc/services";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { loggable, STATUS_OF } from "../errors";
import { html } from "../onboard/html";
import type { AppEnv } from "../types";
import { page } from "./respond";

export function errorPage(c: Context<AppEnv>, status: ContentfulStatusCode, message: string) {
  const back = c.get("consoleSession") ? html`<p><a href="/console">Back to the clients</a></p>` : "";
  const title = status === 404 ? "Not found" : status === 403 ? "Refused" : "Something went wrong";
  return page(
    c,
    title,
    html`<h1>${title}</h1><p class="problem" role="alert">${message}</p>${back}
<p class="muted">Request id <code>${c.get("requestId") ?? ""}</code></p>`,
    status,
  );
}

export function renderConsoleError(error: unknown, c: Context<AppEnv>) {
  const known = asServiceError(error);
  if (known) {
    c.set("errorCode", known.code);
    if (known.retryAfterSeconds !== undefined) c.header("Retry-After", String(known.retryAfterSeconds));
    return errorPage(c, STATUS_OF[known.code], known.message);
  }
  if (error instanceof HTTPException && error.status < 500) {
    // hono/csrf's refusal (a cross-site or Origin-less form post), a body over the limit.
    c.set("errorCode", error.status === 403 ? "FORBIDDEN" : "INVALID_REQUEST");
    const message =
      error.status === 403
        ? "The form was not sent from this console (Origin check). Reload the page and try again."
        : "body: the form could not be read";
    return errorPage(c, error.status as ContentfulStatusCode, message);
  }
  c.set("errorCode", "INTERNAL");
  c.get("logger")?.error({ err: loggable(error), request_id: c.get("requestId") }, "unhandled console error");
  return errorPage(c, 500, "An internal error occurred. Retry later; quote the request id to support.");
}
