// Scan clients outlive their scan and serve the next scan of the same tenant scope only; each scan
// still counts its own requests; projected commands read only what their lister needs.
import { DescribeInstancesCommand, DescribeVolumesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { LambdaClient, ListFunctionsCommand } from "@aws-sdk/client-lambda";
import {
  GetResourcesCommand,
  ResourceGroupsTaggingAPIClient,
} from "@aws-sdk/client-resource-groups-tagging-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tagsFromList } from "../../src/discovery/arn";
import { SCOPES, ScanClients } from "../../src/discovery/clients";
import { projectOutput } from "../../src/discovery/listers/projection";
import { targetFor } from "../fixtures";
import { ACME, credentialsOf, discover, GLOBEX, startWorld, type World } from "./fixtures";

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.stop());

const signal = () => new AbortController().signal;
const total = () => world.sandbox.counters().total;

describe("scan clients", () => {
  it("are reused by the next scan of the same scope, never by another tenant's", () => {
    const acme = credentialsOf(world, ACME);
    const first = new ScanClients(world.config, acme, signal()).get(EC2Client, "us-east-1");
    const again = new ScanClients(world.config, credentialsOf(world, ACME), signal()).get(
      EC2Client,
      "us-east-1",
    );
    expect(again).toBe(first);
    expect(new ScanClients(world.config, acme, signal()).get(EC2Client, "us-west-2")).not.toBe(first);
    const globex = new ScanClients(world.config, credentialsOf(world, GLOBEX), signal()).get(
      EC2Client,
      "us-east-1",
    );
    expect(globex).not.toBe(first);
    expect(globex.config.credentials).not.toBe(first.config.credentials);
  });

  it("are built anew once the session entry is replaced (revocation, offboarding)", () => {
    const before = new ScanClients(world.config, credentialsOf(world, ACME), signal()).get(
      EC2Client,
      "us-east-1",
    );
    world.broker.invalidate(`${ACME.clientId}-full`);
    const after = new ScanClients(world.config, credentialsOf(world, ACME), signal()).get(
      EC2Client,
      "us-east-1",
    );
    expect(after).not.toBe(before);
  });

  it(`are kept for the last ${SCOPES} scopes only`, () => {
    const acme = credentialsOf(world, ACME);
    const kept = new ScanClients(world.config, acme, signal()).get(EC2Client, "us-east-1");
    for (let i = 0; i < SCOPES; i++) {
      const other = world.broker.providerFor(targetFor(GLOBEX, { clientId: `cli_other${i}` }));
      new ScanClients(world.config, other, signal()).get(EC2Client, "us-east-1");
    }
    expect(new ScanClients(world.config, acme, signal()).get(EC2Client, "us-east-1")).not.toBe(kept);
  });

  it("count each scan's own requests, on clients two scans share", async () => {
    const acme = credentialsOf(world, ACME);
    const [a, b] = [signal(), signal()];
    const scanA = new ScanClients(world.config, acme, a);
    const scanB = new ScanClients(world.config, acme, b);
    const ec2 = scanA.get(EC2Client, "us-east-1");
    expect(scanB.get(EC2Client, "us-east-1")).toBe(ec2);
    await ec2.send(new DescribeVolumesCommand({}), { abortSignal: a });
    await Promise.all([1, 2].map(() => ec2.send(new DescribeVolumesCommand({}), { abortSignal: b })));
    expect([scanA.requests, scanB.requests]).toEqual([1, 2]);
  });

  it("give a rescan the same resources, and its own call count", async () => {
    const calls = total();
    const first = await discover(world, ACME);
    const between = total();
    const globex = await discover(world, GLOBEX);
    const before = total();
    const second = await discover(world, ACME);
    expect(first.stats.api_calls).toBe(between - calls);
    expect(second.stats.api_calls).toBe(total() - before);
    expect(second.resources).toStrictEqual(first.resources);
    expect(globex.resources.every((r) => r.account_id === GLOBEX.accountId)).toBe(true);
  });
});

describe("projectOutput", () => {
  it("reads only the projected members, as the SDK reads them", async () => {
    const ec2 = new ScanClients(world.config, credentialsOf(world, ACME), signal()).get(
      EC2Client,
      "us-east-1",
    );
    const full = await ec2.send(new DescribeInstancesCommand({}));
    const page = projectOutput({
      Reservations: { Instances: { InstanceId: true, LaunchTime: true, State: { Name: true } } },
    });
    const projected = await ec2.send(page(new DescribeInstancesCommand({})));
    const instances = full.Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
    expect(instances.length).toBeGreaterThan(1);
    expect(instances.some((i) => i.Tags?.length && i.State?.Code !== undefined)).toBe(true);
    expect(projected).toStrictEqual({
      $metadata: projected.$metadata,
      Reservations: full.Reservations?.map((r) => ({
        Instances: r.Instances?.map((i) => ({
          InstanceId: i.InstanceId,
          LaunchTime: i.LaunchTime,
          State: { Name: i.State?.Name },
        })),
      })),
    });
    expect(projected.Reservations?.[0]?.Instances?.[0]?.LaunchTime).toBeInstanceOf(Date);
    // The next plain command reads everything again: the projection belongs to one command.
    expect(await ec2.send(new DescribeInstancesCommand({}))).toMatchObject({
      Reservations: full.Reservations,
    });
  });

  // The tagging walk relies on it: a member retargeted to a string comes back as JSON.parse left it.
  it('hands a "raw" member of a JSON response over as the SDK would have read it', async () => {
    const tagging = new ScanClients(world.config, credentialsOf(world, ACME), signal()).get(
      ResourceGroupsTaggingAPIClient,
      "us-east-1",
    );
    const full = await tagging.send(new GetResourcesCommand({ ResourcesPerPage: 100 }));
    const page = projectOutput({ PaginationToken: true, ResourceTagMappingList: "raw" });
    const raw = await tagging.send(page(new GetResourcesCommand({ ResourcesPerPage: 100 })));
    const mappings = full.ResourceTagMappingList ?? [];
    expect(mappings.length).toBeGreaterThan(1);
    expect(mappings.some((m) => (m.Tags?.length ?? 0) > 1)).toBe(true);
    expect(raw).toStrictEqual({
      $metadata: raw.$metadata,
      ResourceTagMappingList: mappings,
      ...(full.PaginationToken === undefined ? {} : { PaginationToken: full.PaginationToken }),
    });
  });

  it("does the same over REST JSON (Lambda), whose deserializer may rename members", async () => {
    const lambda = new ScanClients(world.config, credentialsOf(world, ACME), signal()).get(
      LambdaClient,
      "us-east-1",
    );
    const full = await lambda.send(new ListFunctionsCommand({}));
    const raw = await lambda.send(
      projectOutput({ NextMarker: true, Functions: "raw" })(new ListFunctionsCommand({})),
    );
    expect(full.Functions?.[0]?.FunctionArn).toBeTypeOf("string");
    expect(raw.Functions).toStrictEqual(full.Functions);
    expect(raw.NextMarker).toBe(full.NextMarker);
  });

  it("reads a raw tag list's nulls as the SDK's absent members", () => {
    expect(
      tagsFromList([
        { Key: null, Value: "dropped" },
        { Key: "Owner", Value: null },
        { Key: "Team", Value: "a" },
      ]),
    ).toStrictEqual({ Owner: "", Team: "a" });
    expect(tagsFromList(null)).toStrictEqual({});
  });

  it("refuses a member the output does not have", () => {
    const page = projectOutput({ Volumes: { VolumeIdd: true } });
    expect(() => page(new DescribeVolumesCommand({}))).toThrow("has no member VolumeIdd");
  });
});
