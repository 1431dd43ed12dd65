// What the customer's onboarding page shows for one link: the client's own name and External ID, the
// Launch stack link, the permissions in plain words, and the current status. Nothing another tenant
// owns can reach it: everything is read through the client the token names.
import type { ServiceDeps } from "../context";
import { CONSOLE_REGIONS } from "./console-regions";
import { openOnboardingLink } from "./open-link";
import { PERMISSION_LIMITS, permissionGroups } from "./permissions";
import { quickCreateUrl, stackNameFor } from "./quick-create";
import { statusOf } from "./status-view";

export async function onboardingPageView(deps: ServiceDeps, token: string) {
  const { client, connection, expiresAt } = await openOnboardingLink(deps, token);
  const region = deps.onboarding.defaultConsoleRegion;
  return {
    client_name: client.name,
    external_id: connection.externalId,
    role_name: connection.roleName,
    stack_name: stackNameFor(client.shortId),
    template_version: connection.templateVersion,
    region,
    regions: CONSOLE_REGIONS.some((r) => r.code === region)
      ? CONSOLE_REGIONS
      : [{ code: region, name: region }, ...CONSOLE_REGIONS],
    quick_create_url: quickCreateUrl({
      region,
      templateUrl: deps.onboarding.templateUrl,
      stackName: stackNameFor(client.shortId),
      externalId: connection.externalId,
      roleName: connection.roleName,
    }),
    permissions: permissionGroups(),
    limits: PERMISSION_LIMITS,
    link_expires_at: expiresAt.toISOString(),
    status: statusOf(client, connection),
  };
}

export type OnboardingPageView = Awaited<ReturnType<typeof onboardingPageView>>;
