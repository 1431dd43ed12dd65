// Onboarding steps driven by the services verbs, acting as an admin: the demo, the benchmark and
// the services suites onboard tenants through these (the server suites through REST).
import { type OnboardingSteps, registrationBody } from "@tagc/testkit";
import { loadClient } from "../clients/load";
import { registerClient } from "../clients/register";
import { verifyClient } from "../clients/verify";
import type { ClientCtx, Ctx, ServiceDeps } from "../context";
import { issueApiKey } from "../keys/issue";

/** The steps as the services verbs, acting as an admin (the demo, the benchmark, services suites). */
export function servicesSteps(deps: ServiceDeps, subject = "testkit"): OnboardingSteps {
  const admin = (): Ctx => ({ deps, actor: { kind: "admin", subject }, requestId: `req_${subject}` });
  const tenant = async (clientId: string): Promise<ClientCtx> => ({
    ...admin(),
    client: await loadClient(deps.db, clientId),
  });
  return {
    async register(customer) {
      const registration = await registerClient({
        ctx: admin(),
        input: {
          ...registrationBody(customer),
          ...(customer.idempotencyKey ? { idempotency_key: customer.idempotencyKey } : {}),
        },
      });
      const { onboarding } = registration;
      return {
        clientId: registration.client.id,
        externalId: onboarding.external_id,
        roleName: onboarding.role_name,
        quickCreateUrl: onboarding.quick_create_url,
      };
    },
    verify: async (clientId) => verifyClient({ ctx: await tenant(clientId), input: {} }),
    issueKey: async (clientId, name) => issueApiKey({ ctx: await tenant(clientId), input: { name } }),
  };
}
