const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * JSON with object keys sorted at every depth, so `{ a: 1, b: 2 }` and `{ b: 2, a: 1 }` are the same
 * call. Array order is kept (it can be meaningful); undefined members are dropped, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, member: unknown) => {
    if (!isPlainObject(member)) return member;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(member).sort()) sorted[key] = member[key];
    return sorted;
  }) as string | undefined;
  return text ?? "null";
}
