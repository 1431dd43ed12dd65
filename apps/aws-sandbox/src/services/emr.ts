// EMR (JSON 1.1, ElasticMapReduce): ListClusters (ClusterStates, CreatedAfter/CreatedBefore, Marker;
// 50 a page) with ClusterArn in each summary, and DescribeCluster, which carries the Tags, for the
// caller's clusters in the signed region. Terminated clusters stay listed (AWS keeps them two months).
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import type { Resource } from "../world/world";
import { attr, createdAt, epochSeconds, optionalString, pageScope, regional } from "./common";

const CLUSTER = "emr:cluster";
const PAGE = 50;
const STATES = new Set([
  "STARTING",
  "BOOTSTRAPPING",
  "RUNNING",
  "WAITING",
  "TERMINATING",
  "TERMINATED",
  "TERMINATED_WITH_ERRORS",
]);
// moto 5.2 agrees on the summary shape (ClusterArn, Status.Timeline) and on the unknown-id error.
const invalidRequest = (message: string) => new AwsError("InvalidRequestException", message);
const stateOf = (r: Resource) => r.state ?? "WAITING";
const ended = (r: Resource) => stateOf(r).startsWith("TERMINATED");

function status(r: Resource) {
  const created = epochSeconds(createdAt(r));
  return {
    State: stateOf(r),
    StateChangeReason: ended(r) ? { Code: "USER_REQUEST", Message: "Terminated by user request" } : {},
    Timeline: {
      CreationDateTime: created,
      ...(stateOf(r) === "STARTING" ? {} : { ReadyDateTime: created + 420 }),
      ...(ended(r) ? { EndDateTime: created + 3600 } : {}),
    },
  };
}

function dateParam(input: OpInput, name: string): number | undefined {
  const raw = input[name];
  if (raw === undefined || raw === null) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new AwsError("ValidationException", `${name} must be a timestamp.`);
  return value;
}

function listClusters(ctx: OpContext, input: OpInput) {
  const states = input.ClusterStates;
  if (states !== undefined && (!Array.isArray(states) || !states.every((s) => STATES.has(String(s)))))
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value '${JSON.stringify(states)}' at 'clusterStates' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${[...STATES].join(", ")}]]`,
    );
  const after = dateParam(input, "CreatedAfter");
  const before = dateParam(input, "CreatedBefore");
  const items = regional(ctx, CLUSTER).filter((r) => {
    const created = epochSeconds(createdAt(r));
    return (
      (!Array.isArray(states) || !states.length || states.includes(stateOf(r))) &&
      (after === undefined || created >= after) &&
      (before === undefined || created <= before)
    );
  });
  const scope = pageScope(ctx, "ListClusters", input, ["Marker"]);
  const result = page(items, {
    token: optionalString(input, "Marker"),
    size: PAGE,
    scope,
    code: "InvalidRequestException",
    param: "Marker",
  });
  return {
    Clusters: result.items.map((r) => ({
      Id: r.id,
      Name: attr(r, "Name", r.id),
      Status: status(r),
      NormalizedInstanceHours: attr(r, "NormalizedInstanceHours", 0),
      ClusterArn: r.arn,
    })),
    ...(result.next ? { Marker: result.next } : {}),
  };
}

function describeCluster(ctx: OpContext, input: OpInput) {
  const id = optionalString(input, "ClusterId");
  if (!id)
    throw new AwsError(
      "ValidationException",
      "1 validation error detected: Value null at 'clusterId' failed to satisfy constraint: Member must not be null",
    );
  const r = regional(ctx, CLUSTER).find((c) => c.id === id);
  // AWS answers an unknown (or another account's) cluster id as invalid, not as not found.
  if (!r) throw invalidRequest(`Cluster id '${id}' is not valid.`);
  return {
    Cluster: {
      Id: r.id,
      Name: attr(r, "Name", r.id),
      Status: status(r),
      ReleaseLabel: attr(r, "ReleaseLabel", "emr-7.2.0"),
      AutoTerminate: false,
      TerminationProtected: false,
      VisibleToAllUsers: true,
      Applications: [{ Name: "Spark", Version: "3.5.1" }],
      ServiceRole: attr(r, "ServiceRole", "EMR_DefaultRole"),
      NormalizedInstanceHours: attr(r, "NormalizedInstanceHours", 0),
      MasterPublicDnsName: `ip-10-0-0-1.${r.region === "us-east-1" ? "ec2.internal" : `${r.region}.compute.internal`}`,
      ClusterArn: r.arn,
      StepConcurrencyLevel: 1,
      Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
    },
  };
}

export const emr: OperationTable = {
  ListClusters: { action: "elasticmapreduce:ListClusters", handle: listClusters },
  DescribeCluster: { action: "elasticmapreduce:DescribeCluster", handle: describeCluster },
};
