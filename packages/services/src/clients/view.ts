// The public shape of a client and its connections. The External ID appears only in the onboarding
// block, only while the connection has never been verified, and only on this client's own routes.
import type { AwsConnection, Client } from "@tagc/db";
import type { OnboardingConfig } from "../context";
import { quickCreateUrl, stackNameFor } from "../onboarding/quick-create";

export function clientView(client: Client) {
  return {
    id: client.id,
    name: client.name,
    contact_email: client.contactEmail,
    tier: client.tier,
    status: client.status,
    status_reason: client.statusReason,
    created_at: client.createdAt.toISOString(),
    updated_at: client.updatedAt.toISOString(),
    deleted_at: client.deletedAt?.toISOString() ?? null,
  };
}

export function connectionView(connection: AwsConnection) {
  return {
    id: connection.id,
    aws_account_id: connection.accountId,
    role_name: connection.roleName,
    role_arn: connection.roleArn,
    status: connection.status,
    last_checked_at: connection.lastCheckedAt?.toISOString() ?? null,
    last_error_code: connection.lastErrorCode,
    verified_at: connection.verifiedAt?.toISOString() ?? null,
    template_version: connection.templateVersion,
  };
}

export function onboardingView(
  client: Client,
  connection: AwsConnection,
  config: OnboardingConfig,
  region?: string,
) {
  return {
    external_id: connection.externalId,
    external_id_expires_at: connection.externalIdExpiresAt.toISOString(),
    role_name: connection.roleName,
    template_url: config.templateUrl,
    quick_create_url: quickCreateUrl({
      region: region ?? config.defaultConsoleRegion,
      templateUrl: config.templateUrl,
      stackName: stackNameFor(client.shortId),
      externalId: connection.externalId,
      roleName: connection.roleName,
    }),
  };
}
