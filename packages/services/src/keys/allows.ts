// What a key's scopes let it do. `mcp:tools` is the full scope and includes everything `mcp:read`
// allows, so a request for mcp:read is satisfied by a tools key (the consent page must not tell the
// customer that reading was "not granted" to a key that can do more).
import type { KeyScope } from "./issue";

const IMPLIES: Readonly<Record<KeyScope, readonly string[]>> = {
  "mcp:tools": ["mcp:tools", "mcp:read"],
  "mcp:read": ["mcp:read"],
};

export const keyAllows = (keyScopes: readonly string[], scope: string): boolean =>
  keyScopes.some((held) => (IMPLIES[held as KeyScope] ?? [held]).includes(scope));
