// Request bodies are bounded before anything parses them: by size (hono/body-limit, which counts
// a streamed body too) and, for JSON, by nesting depth on the raw text. Both answer the envelope:
// 413 for size, 400 naming the body for depth; neither ever reaches a handler as a 500.
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { envelope } from "../errors";
import type { AppEnv } from "../types";
import { jsonDepthExceeds, MAX_JSON_DEPTH } from "./json-depth";

export const MAX_BODY_BYTES = 256 * 1024;
export const DEPTH_MESSAGE = `body: nested deeper than ${MAX_JSON_DEPTH} levels`;

export const restBodyLimit = (): MiddlewareHandler<AppEnv> =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => envelope(c, "PAYLOAD_TOO_LARGE", "body: larger than 256 KiB"),
  });

const hasBody = (method: string) => method !== "GET" && method !== "HEAD" && method !== "OPTIONS";

/** Refuses a JSON body nested deeper than MAX_JSON_DEPTH; the text stays cached for the validator. */
export const restJsonDepth = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const type = c.req.header("content-type") ?? "";
  if (hasBody(c.req.method) && /json/i.test(type)) {
    // Hono caches the text, so the route's JSON validator parses this same read.
    if (jsonDepthExceeds(await c.req.text())) return envelope(c, "INVALID_REQUEST", DEPTH_MESSAGE);
  }
  return next();
};
