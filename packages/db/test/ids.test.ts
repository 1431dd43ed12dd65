import { describe, expect, it } from "vitest";
import { ID_PREFIXES, idTimestamp, isId, makeIdGenerator, newId, newShortId } from "../src/ids";

describe("newId", () => {
  it.each(ID_PREFIXES)("starts with %s_ and has a 26-character crockford body", (prefix) => {
    const id = newId(prefix);
    expect(id).toMatch(new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`));
    expect(isId(prefix, id)).toBe(true);
  });

  it("is unique over many calls", () => {
    const ids = Array.from({ length: 20_000 }, () => newId("evt"));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("encodes the creation time", () => {
    const at = Date.UTC(2025, 4, 17, 12, 30, 15, 123);
    const id = makeIdGenerator(() => at)("cli");
    expect(idTimestamp(id).getTime()).toBe(at);
  });

  it("sorts by creation time across milliseconds", () => {
    let now = Date.UTC(2024, 0, 1);
    const next = makeIdGenerator(() => now);
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      now += 1 + (i % 7) * 1000;
      ids.push(next("evt"));
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it("sorts in call order within one millisecond", () => {
    const next = makeIdGenerator(() => 1_700_000_000_000);
    const ids = Array.from({ length: 1000 }, () => next("evt"));
    expect([...ids].sort()).toEqual(ids);
  });

  it("keeps increasing when the clock steps back", () => {
    let now = 1_700_000_005_000;
    const next = makeIdGenerator(() => now);
    const first = next("evt");
    now -= 4_000;
    const second = next("evt");
    expect(second > first).toBe(true);
  });
});

describe("isId", () => {
  it.each([
    ["another prefix", "key", () => newId("cli")],
    ["no prefix", "cli", () => newId("cli").slice(4)],
    ["a short body", "cli", () => newId("cli").slice(0, -1)],
    ["a character outside crockford", "cli", () => `${newId("cli").slice(0, -1)}u`],
    ["uppercase", "cli", () => `cli_${newId("cli").slice(4).toUpperCase()}`],
  ] as const)("rejects %s", (_, prefix, make) => {
    expect(isId(prefix, make())).toBe(false);
  });
});

describe("newShortId", () => {
  it("is 8 lowercase alphanumerics and varies", () => {
    const ids = Array.from({ length: 2000 }, newShortId);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{8}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
