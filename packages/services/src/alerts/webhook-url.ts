import { isAddressLiteral, isPublicAddress } from "./address";
import { storedOrigin } from "./sealed-url";

// Names that never resolve to a public address (RFC 6761 and the clouds' internal zones).
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|localdomain)$/i;

/**
 * Why a webhook URL may not be used, or null. Checked when a schedule is created and again before
 * every send; the send also checks every address the name resolves to (DNS can change in between).
 */
export function webhookUrlProblem(text: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "must be an absolute https URL";
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) return "must use https";
  if (url.username || url.password) return "must not carry a user name or password";
  if (allowPrivate) return null;
  const host = url.hostname;
  if (isAddressLiteral(host) ? !isPublicAddress(host) : INTERNAL_NAME.test(host.replace(/\.$/, "")))
    return "must not point at a private, loopback, link-local or metadata address";
  return null;
}

/**
 * A webhook URL as views show it, plain or as stored sealed: the scheme and host, never the path
 * that carries the token.
 */
export const maskWebhookUrl = (text: string): string => {
  const origin = storedOrigin(text);
  return origin ? `${origin}/…` : "…";
};
