import { createRoute, z } from "@hono/zod-openapi";
import { issueOnboardingLink, LINK_HOURS, type ServiceDeps } from "@tagc/services";
import { ClientIdParam, clientErrors, conflictError, json, security } from "../../schemas/common";
import { clientCtxOf, type Router } from "../context";

const Body = z
  .strictObject({
    expires_in_hours: z
      .number()
      .int()
      .min(LINK_HOURS.min)
      .max(LINK_HOURS.max)
      .optional()
      .openapi({
        description: `Hours until the link stops working (default ${LINK_HOURS.default})`,
        example: 72,
      }),
  })
  .openapi("OnboardingLinkRequest");

const Link = z
  .object({
    url: z.url().openapi({ example: "https://tagc.example.com/onboard/eyJhbGciOiJIUzI1NiJ9…" }),
    link_id: z.string().openapi({ description: "The token's id, as recorded in the audit log" }),
    expires_at: z.iso.datetime().openapi({ example: "2026-12-06T12:00:00.000Z" }),
  })
  .openapi("OnboardingLink");

const route = createRoute({
  method: "post",
  path: "/v1/clients/{id}/onboarding-link",
  operationId: "createOnboardingLink",
  tags: ["clients"],
  summary: "Create the customer's onboarding link",
  description:
    "A signed, expiring link to the customer's onboarding page: their name, the Launch stack button, the permissions in plain words, the live connection status and, once connected, how to connect Claude. Anyone holding the link sees that page (it shows the External ID, never an API key): send it to the customer's cloud admin only.",
  security,
  request: {
    params: ClientIdParam,
    body: { content: { "application/json": { schema: Body } }, required: false },
  },
  responses: { 201: json(Link, "The link"), ...clientErrors, ...conflictError },
});

export function registerOnboardingLink(app: Router, deps: ServiceDeps, publicBaseUrl: string) {
  app.openapi(route, async (c) => {
    const body = c.req.valid("json") ?? {};
    const link = await issueOnboardingLink({ ctx: clientCtxOf(c, deps), input: body });
    return c.json(
      { url: `${publicBaseUrl}/onboard/${link.token}`, link_id: link.link_id, expires_at: link.expires_at },
      201,
    );
  });
}
