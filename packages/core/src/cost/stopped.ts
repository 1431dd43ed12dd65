// Which resources accrue no compute spend. Only EC2 instances: a stopped RDS database or a detached
// volume still pays for storage, so their share of the service stays estimated.
import type { Resource } from "../model";

const STOPPED_STATES = new Set(["stopped", "stopping"]);

export function isStoppedInstance(resource: Resource): boolean {
  return resource.type === "ec2:instance" && STOPPED_STATES.has(resource.state ?? "");
}
