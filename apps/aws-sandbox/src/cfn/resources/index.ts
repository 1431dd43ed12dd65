// The resource types the sandbox can create. Any other well-formed type fails at creation with a
// clear reason (and the stack rolls back), never a crash.
import type { ResourceHandler } from "./handler";
import { iamRole } from "./iam-role";

export const HANDLERS: Record<string, ResourceHandler> = {
  "AWS::IAM::Role": iamRole,
};

/** Types that need CAPABILITY_IAM, and the name property that makes them need CAPABILITY_NAMED_IAM. */
export const IAM_TYPES: Record<string, string> = {
  "AWS::IAM::Role": "RoleName",
  "AWS::IAM::User": "UserName",
  "AWS::IAM::Group": "GroupName",
  "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
  "AWS::IAM::InstanceProfile": "InstanceProfileName",
  "AWS::IAM::Policy": "",
  "AWS::IAM::AccessKey": "",
  "AWS::IAM::UserToGroupAddition": "",
};
