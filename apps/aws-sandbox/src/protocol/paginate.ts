// Opaque pagination tokens: an offset bound to the query that produced it, so a token from one
// query (or a forged one) is rejected the way AWS rejects it rather than silently misread.
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { AwsError } from "../errors";

const fingerprint = (scope: string) => createHash("sha256").update(scope).digest("base64url").slice(0, 12);

export function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint(scope) })).toString("base64url");
}

export function decodeToken(token: string | undefined, scope: string, code: string, param: string): number {
  if (!token) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
      o?: unknown;
      f?: unknown;
    };
    if (typeof parsed.o === "number" && parsed.o >= 0 && parsed.f === fingerprint(scope)) return parsed.o;
  } catch {
    // fall through to the AWS-shaped error
  }
  throw new AwsError(code, `The ${param} is not valid for this request.`);
}

/**
 * Who counts the pages served in the current request (dispatch.ts sets it per call): the counters'
 * pagination chains, so a benchmark can tell how many pages one query took one after the other.
 */
export const pageChains = new AsyncLocalStorage<(scope: string, offset: number) => void>();

/** One page of `items` plus the token for the next, if any. */
export function page<T>(
  items: readonly T[],
  {
    token,
    size,
    scope,
    code,
    param,
  }: { token: string | undefined; size: number; scope: string; code: string; param: string },
): { items: T[]; next: string | undefined } {
  const offset = decodeToken(token, scope, code, param);
  pageChains.getStore()?.(fingerprint(scope), offset);
  const slice = items.slice(offset, offset + size);
  const end = offset + slice.length;
  return { items: slice, next: end < items.length ? encodeToken(end, scope) : undefined };
}
