// SDK clients for one scan: one per (service, region), all reading the tenant's session through
// the same provider (never a fresh STS call per request), destroyed together when the scan ends.
import { type AwsConfig, createSdkClient, type SdkClientConfig } from "../config";
import type { ObservableClient } from "../observe";
import type { AwsCredentialIdentityProvider } from "../types";

/** The SDK's standard retry (backoff with full jitter, longer for throttling) gets this many tries. */
export const DISCOVERY_MAX_ATTEMPTS = 5;

interface SdkClient extends ObservableClient {
  destroy(): void;
}

/** The one part of the SDK's middleware stack used here, narrowed to avoid its generic types. */
interface Counted {
  middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { step: "deserialize"; name: string },
    ): void;
  };
}

export type ClientClass<C> = new (config: SdkClientConfig & { maxAttempts: number }) => C;

export class ScanClients {
  private readonly clients = new Map<ClientClass<SdkClient>, Map<string, SdkClient>>();
  /** HTTP requests sent, counted per attempt: the deserialize step runs inside the retry loop. */
  requests = 0;

  constructor(
    private readonly config: AwsConfig,
    private readonly credentials: AwsCredentialIdentityProvider,
  ) {}

  get<C extends SdkClient>(Class: ClientClass<C>, region: string): C {
    let byRegion = this.clients.get(Class);
    if (!byRegion) {
      byRegion = new Map();
      this.clients.set(Class, byRegion);
    }
    let client = byRegion.get(region);
    if (!client) {
      client = createSdkClient(Class, this.config, region, this.credentials, {
        maxAttempts: this.config.maxAttempts ?? DISCOVERY_MAX_ATTEMPTS,
      });
      (client as unknown as Counted).middlewareStack.add(
        (next) => (args) => {
          this.requests += 1;
          return next(args);
        },
        { step: "deserialize", name: "tagcCountRequests" },
      );
      byRegion.set(region, client);
    }
    return client as C;
  }

  destroy(): void {
    for (const byRegion of this.clients.values()) for (const client of byRegion.values()) client.destroy();
    this.clients.clear();
  }
}
