// Call counters so tests and benchmarks can assert how many STS calls or pages were made.

export interface CounterSnapshot {
  total: number;
  by_operation: Record<string, number>;
  /** Keyed by the caller's IAM principal ARN (the role ARN for sessions). */
  by_caller: Record<string, Record<string, number>>;
  /** Keyed by "account/region". */
  by_account_region: Record<string, Record<string, number>>;
  throttled: Record<string, number>;
  errors: Record<string, number>;
}

const bump = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1;
};

export class Counters {
  private data: CounterSnapshot = Counters.empty();

  private static empty(): CounterSnapshot {
    return { total: 0, by_operation: {}, by_caller: {}, by_account_region: {}, throttled: {}, errors: {} };
  }

  call(operation: string, caller: string, account: string, region: string): void {
    this.data.total += 1;
    bump(this.data.by_operation, operation);
    this.data.by_caller[caller] ??= {};
    bump(this.data.by_caller[caller], operation);
    const place = `${account}/${region}`;
    this.data.by_account_region[place] ??= {};
    bump(this.data.by_account_region[place], operation);
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
  }
}
