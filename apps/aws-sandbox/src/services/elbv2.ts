// Elastic Load Balancing v2 (query protocol, 2015-12-01): DescribeLoadBalancers and
// DescribeTargetGroups (Marker/PageSize 1-400), DescribeTags (1 to 20 ARNs), for the caller's
// load balancers and target groups in the signed region.
import { AwsError } from "../errors";
import type { OpContext, OperationTable, OpInput } from "../protocol/operation";
import { page } from "../protocol/paginate";
import { queryList } from "../protocol/params";
import type { Resource } from "../world/world";
import { arnAccount, crossAccountDenied, optionalString, pageScope, regional } from "./common";
import { attachedTo, loadBalancer, memberTags, targetGroup } from "./elbv2/shapes";

const LB = "elasticloadbalancing:loadbalancer";
const TG = "elasticloadbalancing:targetgroup";
const invalid = (message: string) => new AwsError("ValidationError", message);
const lbNotFound = () => new AwsError("LoadBalancerNotFound", "One or more load balancers not found");
const tgNotFound = () => new AwsError("TargetGroupNotFound", "One or more target groups not found");

/** ELBv2 answers only application, network and gateway balancers; classic ones have their own API. */
const v2Balancers = (ctx: OpContext) =>
  regional(ctx, LB).filter((r) => /:loadbalancer\/(app|net|gwy)\//.test(r.arn));

function pageSize(input: OpInput): number {
  const raw = input.PageSize;
  if (raw === undefined || raw === "") return 400;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 400) {
    const bound = value < 1 ? "greater than or equal to 1" : "less than or equal to 400";
    throw invalid(
      `1 validation error detected: Value '${String(raw)}' at 'pageSize' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  return value;
}

/** Narrows to the named ARNs or names; any one of them unknown fails the whole call, as AWS does. */
function narrow(items: Resource[], arns: string[], names: string[], notFound: () => AwsError) {
  if (arns.length && names.length) throw invalid("Names and ARNs cannot be specified together");
  const wanted = arns.length ? arns : names;
  if (!wanted.length) return items;
  const found = items.filter((r) => (arns.length ? arns.includes(r.arn) : names.includes(r.id)));
  if (found.length < new Set(wanted).size) throw notFound();
  return found;
}

function onePage(ctx: OpContext, operation: string, input: OpInput, items: Resource[]) {
  const scope = pageScope(ctx, operation, input, ["Marker", "PageSize"]);
  const size = pageSize(input);
  return page(items, {
    token: optionalString(input, "Marker"),
    size,
    scope,
    code: "ValidationError",
    param: "Marker",
  });
}

function describeLoadBalancers(ctx: OpContext, input: OpInput) {
  const arns = queryList(input, "LoadBalancerArns.member");
  if (arns.length > 20) throw invalid("You can specify up to 20 load balancer ARNs");
  const items = narrow(v2Balancers(ctx), arns, queryList(input, "Names.member"), lbNotFound);
  const result = onePage(ctx, "DescribeLoadBalancers", input, items);
  return {
    LoadBalancers: { member: result.items.map(loadBalancer) },
    ...(result.next ? { NextMarker: result.next } : {}),
  };
}

function describeTargetGroups(ctx: OpContext, input: OpInput) {
  const balancers = v2Balancers(ctx);
  let items = regional(ctx, TG);
  const lbArn = optionalString(input, "LoadBalancerArn");
  if (lbArn) {
    if (!balancers.some((lb) => lb.arn === lbArn)) throw lbNotFound();
    items = items.filter((tg) => attachedTo(tg, balancers).includes(lbArn));
  }
  const arns = queryList(input, "TargetGroupArns.member");
  items = narrow(items, arns, queryList(input, "Names.member"), tgNotFound);
  const result = onePage(ctx, "DescribeTargetGroups", input, items);
  return {
    TargetGroups: { member: result.items.map((tg) => targetGroup(tg, attachedTo(tg, balancers))) },
    ...(result.next ? { NextMarker: result.next } : {}),
  };
}

function describeTags(ctx: OpContext, input: OpInput) {
  const arns = queryList(input, "ResourceArns.member");
  if (!arns.length)
    throw invalid(
      "1 validation error detected: Value null at 'resourceArns' failed to satisfy constraint: Member must not be null",
    );
  if (arns.length > 20)
    throw invalid(
      "1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 20",
    );
  const balancers = v2Balancers(ctx);
  const groups = regional(ctx, TG);
  const descriptions = arns.map((arn) => {
    if (arnAccount(arn) !== ctx.account.id)
      throw crossAccountDenied(ctx, "elasticloadbalancing:DescribeTags", arn);
    const isGroup = /:targetgroup\//.test(arn);
    const resource = (isGroup ? groups : balancers).find((r) => r.arn === arn);
    if (!resource) throw isGroup ? tgNotFound() : lbNotFound();
    return { ResourceArn: arn, Tags: memberTags(resource.tags) };
  });
  return { TagDescriptions: { member: descriptions } };
}

export const elbv2: OperationTable = {
  DescribeLoadBalancers: {
    action: "elasticloadbalancing:DescribeLoadBalancers",
    handle: describeLoadBalancers,
  },
  DescribeTargetGroups: { action: "elasticloadbalancing:DescribeTargetGroups", handle: describeTargetGroups },
  DescribeTags: { action: "elasticloadbalancing:DescribeTags", handle: describeTags },
};
