// listEnabledRegions: the account's enabled regions, from the tenant's own session.
import { afterAll, beforeAll, expect, it } from "vitest";
import { AwsReadError, DEFAULT_ENABLED_REGIONS, listEnabledRegions } from "../../src";
import { ACME, credentialsOf, GLOBEX, startWorld, type World } from "./fixtures";

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.stop());

it("lists each account's own enabled regions", async () => {
  const [acme, globex] = await Promise.all([
    listEnabledRegions({ config: world.config, credentials: credentialsOf(world, ACME) }),
    listEnabledRegions({ config: world.config, credentials: credentialsOf(world, GLOBEX) }),
  ]);
  expect(acme).toEqual(["eu-west-1", "us-east-1"]);
  expect(globex).toEqual(["us-east-1"]);
});

it("fails with ACCESS_DENIED naming ec2:DescribeRegions", async () => {
  const error = await listEnabledRegions({
    config: world.config,
    credentials: credentialsOf(world, ACME, "probesOnly"),
  }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AwsReadError);
  expect(error).toMatchObject({ code: "ACCESS_DENIED", details: { actions: ["ec2:DescribeRegions"] } });
});

it("the fallback list is AWS's default (non-opt-in) regions, sorted, without any opt-in region", () => {
  // Regions launched before 20 March 2019 are enabled in every account (AWS Account Management guide).
  expect(DEFAULT_ENABLED_REGIONS).toEqual([
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
  ]);
  for (const optIn of ["af-south-1", "ap-east-1", "eu-south-1", "me-south-1", "ap-southeast-3"])
    expect(DEFAULT_ENABLED_REGIONS).not.toContain(optIn);
});

it("a failing DescribeRegions (500) surfaces as an AwsReadError, the error the scan falls back on", async () => {
  world.sandbox.setFaults({ failing_operations: ["ec2:DescribeRegions"] });
  try {
    const error = await listEnabledRegions({
      config: world.config,
      credentials: credentialsOf(world, ACME),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsReadError);
    expect(error).not.toMatchObject({ code: "ACCESS_DENIED" });
  } finally {
    world.sandbox.setFaults({});
  }
  expect(
    await listEnabledRegions({ config: world.config, credentials: credentialsOf(world, GLOBEX) }),
  ).toEqual(["us-east-1"]);
});
