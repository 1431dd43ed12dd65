// Cloud Custodian actions. A dry run only notifies; otherwise the policy writes the tag. Notify needs
// a transport: the generated one is a placeholder SQS queue (c7n-mailer's usual input), named in the
// result's notes so the user creates it or points the policy elsewhere.
import type { Placeholder } from "./placeholder";

/** SQS queue name Custodian resolves in the account and region it runs in. */
export const NOTIFY_QUEUE_PLACEHOLDER = "tagc-compliance-notifications";

export type CustodianAction = Record<string, unknown>;

export function notifyAction(subject: string, violation: string): CustodianAction {
  return {
    type: "notify",
    template: "default",
    subject,
    violation_desc: violation,
    action_desc: "Set the missing or invalid tags as the tagging policy requires.",
    // resource-owner: c7n-mailer reads the owner from the resource's contact tags.
    to: ["resource-owner"],
    transport: { type: "sqs", queue: NOTIFY_QUEUE_PLACEHOLDER },
  };
}

export const tagAction = (name: string, placeholder: Placeholder): CustodianAction => ({
  type: "tag",
  tags: { [name]: placeholder.value },
});
