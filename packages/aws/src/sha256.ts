// SHA-256 and HMAC-SHA256 for SigV4, in place of the SDK's default (the client config's `sha256`).
// Signing a request takes one HMAC keyed by the cached signing key, a Uint8Array. Node's createHmac
// tells a KeyObject from other keys by trying to read its private slots and catching the TypeError,
// so every byte-array key costs a thrown and caught exception (a stack trace captured inside the
// SDK's middleware chain; ~5x the HMAC itself). A KeyObject made once per key bytes skips that: the
// SDK keeps its signing keys (one per day, region, service and credentials), so the same Uint8Array
// comes back request after request. String keys (the secret, "AWS4" + secret) skip the check already.
// Same bytes in, same digests out: only how Node receives the key changes.
import { createHash, createHmac, createSecretKey, type Hash, type Hmac, type KeyObject } from "node:crypto";

type Secret = string | ArrayBuffer | ArrayBufferView;

/** KeyObjects by the key bytes' object: collected with the SDK's signing-key cache entry. */
const keys = new WeakMap<object, KeyObject>();

function hmacKey(secret: Secret): string | KeyObject {
  if (typeof secret === "string") return secret;
  let key = keys.get(secret);
  if (!key) {
    const bytes = ArrayBuffer.isView(secret)
      ? Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength)
      : Buffer.from(secret);
    // createSecretKey copies the bytes: a later change to the array cannot reach a cached key, but it
    // would make this entry stale; the SDK never writes to a signing key it handed out.
    key = createSecretKey(bytes);
    keys.set(secret, key);
  }
  return key;
}

/** The SDK's Checksum shape (@smithy/types), as its own Node implementation behaves. */
export class Sha256 {
  readonly digestLength = 32;
  private hash: Hash | Hmac;
  private finished = false;

  constructor(private readonly secret?: Secret) {
    this.hash = this.create();
  }

  update(data: Uint8Array): void {
    if (this.finished) throw new Error("Attempted to update an already finished hash.");
    this.hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    // An HMAC digests once; a plain hash may go on being updated (checksums of streamed bodies).
    let out: Buffer;
    if (this.secret) {
      this.finished = true;
      out = this.hash.digest();
    } else out = (this.hash as Hash).copy().digest();
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }

  reset(): void {
    this.hash = this.create();
    this.finished = false;
  }

  private create(): Hash | Hmac {
    return this.secret ? createHmac("sha256", hmacKey(this.secret)) : createHash("sha256");
  }
}
