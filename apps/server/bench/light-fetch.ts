// The benchmark clients' HTTP: node:http over one keep-alive agent, handed to the SDK's
// StreamableHTTPClientTransport as its `fetch`. WHATWG fetch (undici) spent most of the load
// generator's CPU on machinery a load generator does not need (request and response objects, web
// streams, CORS and origin checks); with it, 50 clients could not send 1,000 calls/s from one core.
// Nothing else changes: every call is still a real POST that the SDK client sends, whose answer is
// read in full and parsed and checked by the SDK as before. The request headers are the ones
// undici's fetch sends, so the server parses the same requests.
import { Agent, request } from "node:http";

const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** What undici's fetch adds to every request (the server must see the same requests). */
const FETCH_HEADERS = {
  "accept-language": "*",
  "sec-fetch-mode": "cors",
  "user-agent": "node",
  "accept-encoding": "gzip, deflate",
};

/** The part of a Response the SDK's transport reads, over a body read in full. */
class LightResponse {
  readonly ok: boolean;
  readonly type = "basic";
  readonly redirected = false;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    private readonly head: Record<string, string | string[] | undefined>,
    private readonly bytes: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
  }
  readonly headers = {
    get: (name: string): string | null => {
      const value = this.head[name.toLowerCase()];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
  async text() {
    return this.bytes.toString("utf8");
  }
  async json(): Promise<unknown> {
    return JSON.parse(this.bytes.toString("utf8"));
  }
  /** Only an SSE answer is read as a stream (the load's calls ask for none): a real one, built then. */
  get body() {
    const empty = this.bytes.length === 0 || [204, 205, 304].includes(this.status);
    return empty ? null : new Response(this.bytes).body;
  }
}

export const lightFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> =>
  new Promise((resolve, reject) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers: Record<string, string> = { ...FETCH_HEADERS };
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const req = request(
      url,
      { method: init.method ?? "GET", headers, agent, ...(init.signal ? { signal: init.signal } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve(
            new LightResponse(
              url,
              res.statusCode ?? 0,
              res.statusMessage ?? "",
              res.headers,
              Buffer.concat(chunks),
            ) as unknown as Response,
          ),
        );
      },
    );
    req.on("error", reject);
    req.end(typeof init.body === "string" ? init.body : undefined);
  });
