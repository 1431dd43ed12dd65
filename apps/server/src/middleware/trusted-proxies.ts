// Which X-Forwarded-For hops to believe. Walking right to left, each trusted hop vouches for the
// address before it, and the first untrusted one is the client; with an untrusted socket hop the
// header is ignored, so a caller cannot pick its own rate-limit bucket.
import ipaddr from "ipaddr.js";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

// Dotted quads only: ipaddr.isValid also takes "10.0.0" or "10" (inet_aton forms), which no proxy
// writes and which would let a typo trust a different network.
const isAddress = (text: string) => ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);
const isCidr = (text: string) =>
  ipaddr.IPv4.isValidCIDRFourPartDecimal(text) || ipaddr.IPv6.isValidCIDR(text);

/** A CIDR, or a bare address (one host). */
export const isProxyEntry = (entry: string) => isCidr(entry) || isAddress(entry);

function rangeOf(entry: string): Range {
  if (isCidr(entry)) return ipaddr.parseCIDR(entry);
  const address = ipaddr.process(entry);
  return [address, address.kind() === "ipv4" ? 32 : 128];
}

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.1, as a dual-stack socket reports it) is IPv4. */
const parsed = (address: string) => (isAddress(address) ? ipaddr.process(address) : undefined);

/**
 * The canonical text of socket addresses seen lately: every request from one peer (a client's
 * keep-alive connection, or the load balancer) would otherwise parse and print the same address.
 */
const canonical = new Map<string, string | undefined>();
const CANONICAL_MAX = 1_000;
function canonicalText(socket: string): string | undefined {
  if (canonical.has(socket)) return canonical.get(socket);
  if (canonical.size >= CANONICAL_MAX) canonical.clear();
  const text = parsed(socket)?.toString();
  canonical.set(socket, text);
  return text;
}

export function trustCheck(entries: readonly string[]) {
  const ranges = entries.map(rangeOf);
  return (address: ipaddr.IPv4 | ipaddr.IPv6) =>
    ranges.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits));
}

/** The client address from the socket and X-Forwarded-For, trusting only the given hops. */
export function clientAddressOf(
  socket: string | undefined,
  forwardedFor: string | undefined,
  trusted: ReturnType<typeof trustCheck>,
): string {
  // Without a header to walk (the usual case), the socket's canonical text is all there is to know.
  if (!forwardedFor) return (socket && canonicalText(socket)) ?? socket ?? "unknown";
  const hop = socket ? parsed(socket) : undefined;
  if (!hop) return socket ?? "unknown";
  if (!trusted(hop)) return hop.toString();
  let client = hop;
  const hops = forwardedFor.split(",").map((entry) => entry.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = parsed(hops[i] ?? "");
    // A malformed entry ends the walk: the last trusted hop is the best address known.
    if (!address) break;
    client = address;
    if (!trusted(address)) break;
  }
  return client.toString();
}
