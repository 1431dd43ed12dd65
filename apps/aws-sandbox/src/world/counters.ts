// Call counters so tests and benchmarks can assert how many STS calls or pages were made.

export interface CounterSnapshot {
  total: number;
  by_operation: Record<string, number>;
  /** Keyed by the caller's IAM principal ARN (the role ARN for sessions). */
  by_caller: Record<string, Record<string, number>>;
  /** Keyed by "account/region". */
  by_account_region: Record<string, Record<string, number>>;
  /**
   * The longest pagination chain served per query (its pages followed token by token from the
   * first), keyed "account/region operation query-fingerprint": a chain's pages come one after another.
   */
  chains: Record<string, number>;
  throttled: Record<string, number>;
  errors: Record<string, number>;
}

const bump = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

export class Counters {
  private data: CounterSnapshot = Counters.empty();

  private static empty(): CounterSnapshot {
    return {
      total: 0,
      by_operation: {},
      by_caller: {},
      by_account_region: {},
      chains: {},
      throttled: {},
      errors: {},
    };
  }

  /** Pages of each query's current chain; a first page (offset 0) starts a new one. */
  private current = new Map<string, number>();

  call(operation: string, caller: string, account: string, region: string): void {
    this.data.total += 1;
    bump(this.data.by_operation, operation);
    this.data.by_caller[caller] ??= {};
    bump(this.data.by_caller[caller], operation);
    const place = `${account}/${region}`;
    this.data.by_account_region[place] ??= {};
    bump(this.data.by_account_region[place], operation);
  }

  /** One page of a paginated answer: `offset` 0 is a query's first page, any other continues it. */
  page(operation: string, account: string, region: string, query: string, offset: number): void {
    const key = `${account}/${region} ${operation} ${query}`;
    const pages = offset === 0 ? 1 : (this.current.get(key) ?? 0) + 1;
    this.current.set(key, pages);
    this.data.chains[key] = Math.max(this.data.chains[key] ?? 0, pages);
  }

  throttle(operation: string): void {
    bump(this.data.throttled, operation);
  }

  error(code: string): void {
    bump(this.data.errors, code);
  }

  snapshot(): CounterSnapshot {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = Counters.empty();
    this.current.clear();
  }
}
