// mergeResources alone: which record wins, the tags' union (its key order too: tools print the tags
// as they are) and what is left out, without any AWS behind it.
import { describe, expect, it } from "vitest";
import type { ListedResource } from "../../src/discovery/listers";
import { mergeResources, withheldKey } from "../../src/discovery/merge";
import type { TaggedResource } from "../../src/discovery/tagging-walk";

const A = "111111111111";
const arn = (name: string) => `arn:aws:dynamodb:us-east-1:${A}:table/${name}`;
const tagged = (name: string, tags: Record<string, string>): TaggedResource => ({
  arn: arn(name),
  id: name,
  type: "dynamodb:table",
  region: "us-east-1",
  tags,
});
const listed = (name: string, extra: Partial<ListedResource> = {}): ListedResource => ({
  arn: arn(name),
  id: name,
  type: "dynamodb:table",
  region: "us-east-1",
  state: "ACTIVE",
  created_at: "2026-01-01T00:00:00.000Z",
  ...extra,
});
const merge = (t: TaggedResource[], l: ListedResource[], excluded: string[] = [], withheld: string[] = []) =>
  mergeResources({
    accountId: A,
    tagged: new Map(t.map((r) => [r.arn, r])),
    listed: new Map(l.map((r) => [r.arn, r])),
    excluded: new Set(excluded),
    withheld: new Set(withheld),
  });

describe("mergeResources", () => {
  it("takes the lister's facts, the Tagging API's tags then the lister's (which win), sorted by ARN", () => {
    const resources = merge(
      [
        tagged("c-both", { team: "walk", env: "prod" }),
        tagged("a-walk-only", { z: "1", a: "2" }),
        tagged("d-empty-lister", { owner: "x" }),
      ],
      [
        listed("c-both", { tags: { cost: "1", team: "lister" } }),
        listed("b-lister-only", { tags: { b: "1", a: "2" }, parent_id: "p-1" }),
        listed("d-empty-lister", { tags: {} }),
        listed("e-untagged"),
      ],
    );
    // Compared as JSON text, so key order counts: the union keeps the walk's keys first.
    expect(JSON.stringify(resources)).toBe(
      JSON.stringify([
        {
          arn: arn("a-walk-only"),
          id: "a-walk-only",
          type: "dynamodb:table",
          region: "us-east-1",
          account_id: A,
          tags: { z: "1", a: "2" },
          state: null,
          created_at: null,
        },
        {
          arn: arn("b-lister-only"),
          id: "b-lister-only",
          type: "dynamodb:table",
          region: "us-east-1",
          account_id: A,
          tags: { b: "1", a: "2" },
          state: "ACTIVE",
          created_at: "2026-01-01T00:00:00.000Z",
          parent_id: "p-1",
        },
        {
          arn: arn("c-both"),
          id: "c-both",
          type: "dynamodb:table",
          region: "us-east-1",
          account_id: A,
          tags: { team: "lister", env: "prod", cost: "1" },
          state: "ACTIVE",
          created_at: "2026-01-01T00:00:00.000Z",
        },
        {
          arn: arn("d-empty-lister"),
          id: "d-empty-lister",
          type: "dynamodb:table",
          region: "us-east-1",
          account_id: A,
          tags: { owner: "x" },
          state: "ACTIVE",
          created_at: "2026-01-01T00:00:00.000Z",
        },
        {
          arn: arn("e-untagged"),
          id: "e-untagged",
          type: "dynamodb:table",
          region: "us-east-1",
          account_id: A,
          tags: {},
          state: "ACTIVE",
          created_at: "2026-01-01T00:00:00.000Z",
        },
      ]),
    );
  });

  it("gives every untagged resource a tags object of its own", () => {
    const [first, second] = merge([tagged("a", {}), tagged("b", {})], [listed("c"), listed("d")]);
    expect(first?.tags).toEqual({});
    expect(first?.tags).not.toBe(second?.tags);
  });

  it("leaves out excluded ARNs and types withheld where their lister was denied, from either source", () => {
    const resources = merge(
      [tagged("walk-excluded", {}), tagged("kept", { a: "1" })],
      [listed("listed-excluded"), listed("kept")],
      [arn("walk-excluded"), arn("listed-excluded")],
    );
    expect(resources.map((r) => r.id)).toEqual(["kept"]);
    expect(
      merge([tagged("walk", {})], [listed("listed")], [], [withheldKey("us-east-1", "dynamodb:table")]),
    ).toEqual([]);
  });
});
