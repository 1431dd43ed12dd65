// What the edge reads of a JSON-RPC body before the SDK handles it (one message or a batch).

/** Whether a JSON-RPC body (one message or a batch) opens a session. */
export const isInitialize = (body: unknown): boolean =>
  Array.isArray(body)
    ? body.some(isInitialize)
    : typeof body === "object" && body !== null && (body as { method?: unknown }).method === "initialize";

/** Whether any request of the body carries a progressToken (params._meta.progressToken). */
export const wantsProgress = (body: unknown): boolean =>
  Array.isArray(body)
    ? body.some(wantsProgress)
    : typeof body === "object" &&
      body !== null &&
      (body as { params?: { _meta?: { progressToken?: unknown } } }).params?._meta?.progressToken !==
        undefined;
