// The Organizations client and error mapping shared by the tag-policy reads. Organizations is a
// global service served from us-east-1; an account outside any organization answers every call
// with AWSOrganizationsNotInUseException.
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { createSdkClient } from "../config";
import { AwsReadError, awsReadError } from "./errors";
import type { AwsAccess } from "./types";

export const ORGANIZATIONS_REGION = "us-east-1";
/** What the import needs; named together in every AccessDenied so one fix covers both. */
export const TAG_POLICY_ACTIONS = ["organizations:ListPolicies", "organizations:DescribePolicy"] as const;

export const organizationsClient = ({ config, credentials }: AwsAccess) =>
  createSdkClient(OrganizationsClient, config, ORGANIZATIONS_REGION, credentials);

export const policyNotFound = () =>
  new AwsReadError("POLICY_NOT_FOUND", "No tag policy with this id exists in the organization.", {
    retryable: false,
    fix: "List the organization's tag policies and use one of their ids (p-...).",
  });

export function organizationsError(error: unknown): AwsReadError {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "AWSOrganizationsNotInUseException") {
    return new AwsReadError("ORG_NOT_IN_USE", "The AWS account is not a member of an organization.", {
      retryable: false,
      fix: "Tag policies exist only in AWS Organizations: keep the product's own tagging policy.",
      awsErrorName: name,
    });
  }
  if (name === "PolicyNotFoundException" || name === "InvalidInputException") return policyNotFound();
  return awsReadError(error, TAG_POLICY_ACTIONS);
}
