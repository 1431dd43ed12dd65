// The pure guards behind "no input reaches a 500": the depth of a JSON text measured before parsing,
// the NUL search that walks a parsed document without recursion, and the X-Forwarded-For walk.
import ipaddr from "ipaddr.js";
import { describe, expect, test } from "vitest";
import { jsonDepthExceeds, MAX_JSON_DEPTH } from "../src/middleware/json-depth";
import { clientAddressOf, isProxyEntry, trustCheck } from "../src/middleware/trusted-proxies";
import { nulPath } from "../src/schemas/common";

const nested = (depth: number, leaf = "1") => `${"[".repeat(depth)}${leaf}${"]".repeat(depth)}`;

describe("jsonDepthExceeds", () => {
  test("counts arrays and objects, up to the limit and one past it", () => {
    expect(jsonDepthExceeds(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonDepthExceeds(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonDepthExceeds(`${'{"a":'.repeat(65)}1${"}".repeat(65)}`)).toBe(true);
    expect(jsonDepthExceeds(nested(5_000))).toBe(true);
  });

  test("brackets inside strings, escaped quotes included, do not count", () => {
    const text = JSON.stringify({ a: "[".repeat(500), b: '\\"{{{{', c: ["x\\", "]]]"] });
    expect(jsonDepthExceeds(text, 2)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ s: '"' + "[".repeat(100) }), 1)).toBe(false);
  });

  test("siblings do not add up: depth is how many are open at once", () => {
    expect(jsonDepthExceeds(JSON.stringify(Array.from({ length: 1000 }, () => [[1]])), 3)).toBe(false);
  });
});

describe("nulPath", () => {
  test("finds the first NUL in a string or a key, in document order", () => {
    expect(nulPath({ a: ["ok", { b: "x\u0000" }], c: "\u0000" })).toEqual(["a", 1, "b"]);
    expect(nulPath({ a: { "k\u0000": 1 } })).toEqual(["a", "k\u0000"]);
    expect(nulPath({ a: ["fine"], b: 2, c: null })).toBeUndefined();
  });

  test("walks a 100,000-deep document without exhausting the stack", () => {
    let deep: unknown = "end\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nulPath(deep)).toHaveLength(100_000);
  });
});

describe("clientAddressOf", () => {
  const trusted = trustCheck(["10.0.0.0/8", "192.168.1.7", "fd00::/8"]);

  test.each([
    ["an untrusted socket: the header is ignored", "203.0.113.9", "198.51.100.1", "203.0.113.9"],
    ["a trusted socket: the address it forwarded for", "10.1.2.3", "198.51.100.1", "198.51.100.1"],
    ["two trusted hops, then the client", "10.1.2.3", "198.51.100.1, 192.168.1.7", "198.51.100.1"],
    [
      "a spoofed entry left of the real client is not believed",
      "10.1.2.3",
      "1.1.1.1, 198.51.100.1",
      "198.51.100.1",
    ],
    ["every hop trusted: the leftmost", "10.1.2.3", "10.9.9.9, 10.8.8.8", "10.9.9.9"],
    ["a malformed entry ends the walk at the last trusted hop", "10.1.2.3", "198.51.100.1, junk", "10.1.2.3"],
    ["a trusted socket without the header", "10.1.2.3", undefined, "10.1.2.3"],
    ["an IPv4-mapped socket address counts as IPv4", "::ffff:10.1.2.3", "198.51.100.1", "198.51.100.1"],
    ["IPv6 hops", "fd00::1", "2001:db8::5", "2001:db8::5"],
  ])("%s", (_name, socket, header, expected) => {
    expect(clientAddressOf(socket, header, trusted)).toBe(expected);
  });

  test("nothing is trusted by default", () => {
    expect(clientAddressOf("127.0.0.1", "198.51.100.1", trustCheck([]))).toBe("127.0.0.1");
    expect(trustCheck([])(ipaddr.parse("127.0.0.1"))).toBe(false);
  });

  test("TRUSTED_PROXIES entries: CIDRs or addresses", () => {
    expect(["10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8"].every(isProxyEntry)).toBe(true);
    expect(["10.0.0.0/33", "example.com", "10.0.0"].some(isProxyEntry)).toBe(false);
  });
});
