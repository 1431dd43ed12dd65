// Which redirect URIs a client may register: https anywhere, or plain http only on the loopback
// (a native client's local listener, RFC 8252 §7.3). Anything else could leak a code in clear.
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function redirectUriProblem(uri: string): string | undefined {
  const parsed = URL.parse(uri);
  if (!parsed) return `${uri.slice(0, 100)} is not a URL`;
  if (parsed.protocol === "https:") return undefined;
  if (parsed.protocol === "http:" && LOOPBACK.has(parsed.hostname)) return undefined;
  return `${uri.slice(0, 100)} must use https, or http on localhost / 127.0.0.1`;
}
