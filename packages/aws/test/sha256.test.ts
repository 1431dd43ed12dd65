// SigV4's hash (sha256.ts): the same digests as Node's own SHA-256 and HMAC for every key form the
// SDK's signer hands it (the secret as a string, derived keys as byte arrays, the same array again
// from its signing-key cache), and the SDK hash's behaviour around digest and reset. That the
// signatures are right end to end, every sandbox test shows: the sandbox verifies SigV4 itself.
import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Sha256 } from "../src/sha256";

const bytes = (text: string) => new TextEncoder().encode(text);
const hex = (data: Uint8Array) => Buffer.from(data).toString("hex");
const digestOf = async (secret: string | Uint8Array | undefined, data: string) => {
  const hash = new Sha256(secret);
  hash.update(bytes(data));
  return hex(await hash.digest());
};

describe("Sha256", () => {
  it("hashes like node:crypto without a secret", async () => {
    expect(await digestOf(undefined, "payload")).toBe(createHash("sha256").update("payload").digest("hex"));
    expect(await digestOf("", "payload")).toBe(createHash("sha256").update("payload").digest("hex"));
  });

  it("keys an HMAC with a string or bytes, the same bytes again from the cache, like node:crypto", async () => {
    const key = bytes("AWS4secret-key");
    const expected = createHmac("sha256", Buffer.from(key)).update("string to sign").digest("hex");
    expect(await digestOf("AWS4secret-key", "string to sign")).toBe(expected);
    expect(await digestOf(key, "string to sign")).toBe(expected);
    expect(await digestOf(key, "string to sign")).toBe(expected);
    const view = new Uint8Array(key.buffer, 4, 6);
    expect(await digestOf(view, "x")).toBe(createHmac("sha256", Buffer.from(view)).update("x").digest("hex"));
  });

  it("lets a plain hash digest twice, refuses an update after an HMAC's digest, and resets", async () => {
    const hash = new Sha256();
    hash.update(bytes("a"));
    const first = hex(await hash.digest());
    hash.update(bytes("b"));
    expect(hex(await hash.digest())).toBe(createHash("sha256").update("ab").digest("hex"));
    expect(first).toBe(createHash("sha256").update("a").digest("hex"));
    const hmac = new Sha256("k");
    hmac.update(bytes("a"));
    await hmac.digest();
    expect(() => hmac.update(bytes("b"))).toThrow("already finished");
    hmac.reset();
    hmac.update(bytes("b"));
    expect(hex(await hmac.digest())).toBe(createHmac("sha256", "k").update("b").digest("hex"));
  });
});
