import ipaddr from "ipaddr.js";

/**
 * True only for a public unicast address. Private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback,
 * link-local (169.254/16, where cloud metadata answers, and fe80::/10), carrier-grade NAT, multicast,
 * reserved and the IPv6 forms that embed an IPv4 address (mapped, 6to4, Teredo) are all refused, so a
 * webhook can never be pointed at our own network.
 */
export function isPublicAddress(text: string): boolean {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return false;
  // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped address is judged as what it reaches.
  return ipaddr.process(bare).range() === "unicast";
}

export const isAddressLiteral = (host: string): boolean =>
  ipaddr.isValid(host.startsWith("[") ? host.slice(1, -1) : host);
