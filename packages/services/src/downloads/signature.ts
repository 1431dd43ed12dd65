// The signature of a download URL, its only credential (as with an S3 presigned URL): an HMAC over
// the download id, the client it belongs to and its expiry. The client and expiry come from the row,
// never from the URL, so a signature made for one download cannot open another, even of the same
// client, and moving the expiry would need the secret.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// Domain separation: the key is derived from the shared secret for this one purpose, so a download
// signature can never stand in for (or be forged from) an onboarding link or an MCP session id.
const keyOf = (secret: string) => createHash("sha256").update("tagc:download:v1\0").update(secret).digest();

export interface SignedFields {
  id: string;
  clientId: string;
  expiresAt: Date;
}

export function signDownload(secret: string, fields: SignedFields): string {
  return createHmac("sha256", keyOf(secret))
    .update(`${fields.id}\0${fields.clientId}\0${fields.expiresAt.getTime()}`)
    .digest("base64url");
}

export function signatureMatches(secret: string, fields: SignedFields, given: string): boolean {
  const expected = Buffer.from(signDownload(secret, fields));
  const presented = Buffer.from(given);
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}
