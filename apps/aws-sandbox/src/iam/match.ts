// IAM's glob matching: "*" any run of characters, "?" one character; actions compare case-insensitively.

const cache = new Map<string, RegExp>();

function globToRegExp(pattern: string, flags: string): RegExp {
  const key = `${flags}:${pattern}`;
  let re = cache.get(key);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, flags);
    cache.set(key, re);
  }
  return re;
}

export const globMatch = (pattern: string, value: string, ignoreCase = false): boolean =>
  globToRegExp(pattern, ignoreCase ? "i" : "").test(value);

export const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
