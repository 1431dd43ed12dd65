// SDK clients for scans: one per (service, region) and tenant scope, all reading the tenant's session
// through the same provider (never a fresh STS call per request). A scan of every type in six regions
// uses ~270 clients, and a client costs ~0.5–1 ms of CPU to build and to send its first command
// (config chains that throw and catch, the shared config files, the middleware stack). So the clients
// outlive the scan and serve the next scan of the same scope, keyed by the credential provider (the
// broker gives one per session entry, broker.ts), for the last SCOPES scopes: each keeps ~5 MB of
// clients, and an older scope simply builds them again. A replaced session entry (invalidation,
// re-assumption) gives a new provider, so new clients: none keeps reading credentials the SDK memoised
// for an old session. Clients carry no state of a scan: the requests are counted per scan through the
// abort signal every discovery call passes (scan-context.ts); connections come from the shared pool.
import { type AwsConfig, createSdkClient, type SdkClientConfig } from "../config";
import type { ObservableClient } from "../observe";
import type { AwsCredentialIdentityProvider } from "../types";
import type { WithMiddlewareStack } from "./middleware-stack";

/** The SDK's standard retry (backoff with full jitter, longer for throttling) gets this many tries. */
export const DISCOVERY_MAX_ATTEMPTS = 5;
/** Tenant scopes whose clients are kept: the most recently scanned ones. */
export const SCOPES = 4;

interface SdkClient extends ObservableClient {
  destroy(): void;
}

type Counted = WithMiddlewareStack<"deserialize">;

export type ClientClass<C> = new (config: SdkClientConfig & { maxAttempts: number }) => C;

type Scope = Map<ClientClass<SdkClient>, Map<string, SdkClient>>;

/** Per AwsConfig (one per server): scopes by credential provider, least recently used first. */
const pools = new WeakMap<AwsConfig, Map<AwsCredentialIdentityProvider, Scope>>();

/** The scan each abort signal belongs to, for the request counter of the clients it shares. */
const scans = new WeakMap<AbortSignal, ScanClients>();

// @smithy/types SMITHY_CONTEXT_KEY: the SDK puts the send's abortSignal there.
const SMITHY_CONTEXT = "__smithy_context";

function scopeFor(config: AwsConfig, credentials: AwsCredentialIdentityProvider): Scope {
  let scopes = pools.get(config);
  if (!scopes) {
    scopes = new Map();
    pools.set(config, scopes);
  }
  let scope = scopes.get(credentials);
  // Re-inserted: the Map's order is the recency order.
  if (scope) scopes.delete(credentials);
  else scope = new Map();
  scopes.set(credentials, scope);
  for (const [oldest] of scopes) {
    if (scopes.size <= SCOPES) break;
    // Not destroyed: a scan still running may hold them; their sockets belong to the shared pool.
    scopes.delete(oldest);
  }
  return scope;
}

export class ScanClients {
  private readonly scope: Scope;
  /** HTTP requests sent, counted per attempt: the deserialize step runs inside the retry loop. */
  requests = 0;

  constructor(
    private readonly config: AwsConfig,
    private readonly credentials: AwsCredentialIdentityProvider,
    /** Passed to every send of this scan: how the shared clients tell whose request they count. */
    signal: AbortSignal,
  ) {
    this.scope = scopeFor(config, credentials);
    scans.set(signal, this);
  }

  get<C extends SdkClient>(Class: ClientClass<C>, region: string): C {
    let byRegion = this.scope.get(Class);
    if (!byRegion) {
      byRegion = new Map();
      this.scope.set(Class, byRegion);
    }
    let client = byRegion.get(region);
    if (!client) {
      client = createSdkClient(Class, this.config, region, this.credentials, {
        maxAttempts: this.config.maxAttempts ?? DISCOVERY_MAX_ATTEMPTS,
      });
      (client as unknown as Counted).middlewareStack.add(
        (next, context) => (args) => {
          const signal = (context as Record<string, { abortSignal?: AbortSignal } | undefined>)[
            SMITHY_CONTEXT
          ]?.abortSignal;
          const scan = signal && scans.get(signal);
          if (scan) scan.requests += 1;
          return next(args);
        },
        { step: "deserialize", name: "tagcCountRequests" },
      );
      byRegion.set(region, client);
    }
    return client as C;
  }
}
