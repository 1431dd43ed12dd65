// listEnabledRegions: the account's enabled regions, from the tenant's own session.
import { afterAll, beforeAll, expect, it } from "vitest";
import { AwsReadError, listEnabledRegions } from "../../src";
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
