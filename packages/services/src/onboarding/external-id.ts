import { randomInt } from "node:crypto";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * 40 characters from a CSPRNG (~238 bits), alphanumeric only: inside AWS's allowed set and the
 * template's AllowedPattern, and never chosen by the customer.
 */
export function generateExternalId(length = 40): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return out;
}
