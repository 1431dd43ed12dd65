// Pure helpers between catalog types and the Tagging API.
import { COST_GENERATING_TYPES } from "@tagc/core";
import { describe, expect, it } from "vitest";
import {
  classifyArn,
  MAX_TYPE_FILTERS,
  typeFilterChunks,
  typeWalks,
} from "../../src/discovery/tagging-types";

describe("typeFilterChunks", () => {
  it("sends at most 100 filters a call, each once", () => {
    const types = Array.from({ length: 230 }, (_, i) => `svc${i}:thing`);
    const chunks = typeFilterChunks([...types, ...types]);
    expect(chunks.map((c) => c.length)).toEqual([MAX_TYPE_FILTERS, MAX_TYPE_FILTERS, 30]);
    expect(chunks.flat()).toEqual(types);
  });

  it("uses the Tagging API's names where they differ from the catalog's", () => {
    const [filters = []] = typeFilterChunks(COST_GENERATING_TYPES);
    expect(filters).toContain("es:domain");
    expect(filters).toContain("elasticmapreduce:cluster");
    expect(filters).toContain("s3");
    expect(filters).not.toContain("opensearch:domain");
    expect(filters.every((f) => /^[a-z0-9-]+(:[a-z0-9-]+)?$/.test(f))).toBe(true);
  });
});

describe("typeWalks", () => {
  it("splits the filters between EC2's walk and the others', each filter in exactly one", () => {
    const walks = typeWalks(COST_GENERATING_TYPES);
    expect(walks).toHaveLength(2);
    const [ec2, rest] = walks;
    expect(ec2?.filters.every((f) => f.startsWith("ec2:"))).toBe(true);
    expect(rest?.filters.some((f) => f.startsWith("ec2"))).toBe(false);
    // Together: exactly the one walk's filters, and every requested type is some walk's.
    expect(walks.flatMap((w) => w.filters).sort()).toEqual(
      [...(typeFilterChunks(COST_GENERATING_TYPES)[0] ?? [])].sort(),
    );
    expect(walks.flatMap((w) => w.types).sort()).toEqual([...new Set(COST_GENERATING_TYPES)].sort());
    expect(rest?.types).toContain("opensearch:domain");
    expect(rest?.filters).toContain("es:domain");
  });

  it("walks the services of `early` types in a walk of their own, between EC2's and the rest", () => {
    const walks = typeWalks(COST_GENERATING_TYPES, new Set(["dynamodb:table", "ecs:service"]));
    expect(walks).toHaveLength(3);
    // A service's filters stay together (ecs:cluster goes with ecs:service), so no resource is in two walks.
    expect(walks[1]?.filters.sort()).toEqual([
      "dynamodb:table",
      "ecs:cluster",
      "ecs:service",
      "ecs:task-definition",
    ]);
    expect(walks[0]?.filters.every((f) => f.startsWith("ec2:"))).toBe(true);
    expect(walks.flatMap((w) => w.types).sort()).toEqual([...new Set(COST_GENERATING_TYPES)].sort());
    const services = walks.map((w) => new Set(w.filters.map((f) => f.split(":")[0])));
    for (const [i, a] of services.entries())
      for (const b of services.slice(i + 1)) expect([...a].filter((s) => b.has(s))).toEqual([]);
  });

  it("has no empty walk, and still keeps each under 100 filters", () => {
    expect(typeWalks(["kinesis:stream"])).toEqual([
      { filters: ["kinesis:stream"], types: ["kinesis:stream"] },
    ]);
    expect(typeWalks([])).toEqual([]);
    const many = Array.from({ length: 150 }, (_, i) => `svc${i}:thing`);
    expect(typeWalks([...many, "ec2:volume"]).map((w) => w.filters.length)).toEqual([
      1,
      MAX_TYPE_FILTERS,
      50,
    ]);
  });
});

describe("classifyArn", () => {
  const wanted = new Set(["elasticache:cluster", "opensearch:domain", "lambda:function", "ec2:snapshot"]);

  it("reads the type and id as AWS writes them", () => {
    expect(classifyArn("arn:aws:lambda:us-east-1:222222222222:function:fn:live", wanted)).toEqual({
      type: "lambda:function",
      id: "fn",
      region: "us-east-1",
      account: "222222222222",
    });
    expect(classifyArn("arn:aws:es:eu-west-1:222222222222:domain/search", wanted)?.type).toBe(
      "opensearch:domain",
    );
    expect(classifyArn("arn:aws:ec2:us-east-1::snapshot/snap-1", wanted)).toMatchObject({
      type: "ec2:snapshot",
      account: "",
    });
  });

  it("falls back to the service and first segment, and drops what was not asked for", () => {
    expect(classifyArn("arn:aws:elasticache:eu-west-1:222222222222:cluster/cache-1", wanted)).toMatchObject({
      type: "elasticache:cluster",
      id: "cache-1",
    });
    expect(classifyArn("arn:aws:ec2:us-east-1:222222222222:instance/i-1", wanted)).toBeUndefined();
    expect(
      classifyArn("arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod", new Set(["apigateway:restapi"])),
    ).toBeUndefined();
    expect(classifyArn("not-an-arn", wanted)).toBeUndefined();
  });
});
