// The interaction (oidc-provider's login + consent prompts, answered together): the customer proves
// membership of a client with one of its API keys, sees the app, the client's name and the scopes,
// and approves. The grant is bound to the client and the key (its account id), and carries only
// scopes that key has. CSRF: a POST must come with the provider's interaction cookie (SameSite=Lax,
// so not from another site), a same-origin Origin when the browser sends one, and the form token
// (an HMAC of the interaction id), so a page elsewhere can neither read nor replay the form.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import {
  authenticateApiKey,
  findOAuthAccount,
  keyAllows,
  oauthAccountId,
  type ServiceDeps,
} from "@tagc/services";
import type { Context, Hono } from "hono";
import type Provider from "oidc-provider";
import { newNonce, setPageHeaders } from "../onboard/security-headers";
import type { AppEnv } from "../types";
import { OAUTH_SCOPES } from "./config";
import { renderApprove, renderKeyForm, renderMessage } from "./page";
import type { OAuthServer } from "./server";

type Interaction = Awaited<ReturnType<Provider["interactionDetails"]>>;

const sign = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest("base64url");

const sameSignature = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Requested scopes we know, in our order; none named means all of them. */
function requestedScopes(details: Interaction): string[] {
  const asked = new Set(
    String(details.params.scope ?? "")
      .split(" ")
      .filter(Boolean),
  );
  const known = OAUTH_SCOPES.filter((scope) => asked.has(scope));
  return known.length ? known : [...OAUTH_SCOPES];
}

function nodeOf(c: Context<AppEnv>) {
  const env = c.env as Partial<HttpBindings> | undefined;
  if (!env?.incoming || !env.outgoing) throw new Error("the OAuth pages need the Node HTTP server");
  return { req: env.incoming, res: env.outgoing };
}

export function registerConsent(app: Hono<AppEnv>, oauth: OAuthServer) {
  const { config } = oauth;
  const services: ServiceDeps = oauth.services;
  const csrfOf = (uid: string) => sign(config.formKey, `csrf\0${uid}`);
  const approvalOf = (uid: string, accountId: string, scopes: string[]) =>
    `${accountId}.${scopes.join("+")}.${sign(config.formKey, `approve\0${uid}\0${accountId}\0${scopes.join(" ")}`)}`;

  const page = (c: Context<AppEnv>, status: 200 | 400 | 403, render: (nonce: string) => string) => {
    const nonce = newNonce();
    setPageHeaders(c, nonce);
    // The forms post to this origin, and the approval redirects on to the app's redirect URI. The
    // referrer policy lets the browser send Origin with the form's POST (no-referrer makes it "null"),
    // and still sends nothing to the app.
    c.header(
      "content-security-policy",
      `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'`,
    );
    c.header("referrer-policy", "same-origin");
    return c.html(render(nonce), status);
  };
  const expired = (c: Context<AppEnv>) =>
    page(c, 400, (nonce) =>
      renderMessage(
        "This sign-in has expired",
        "It was open too long, or opened in another browser. Start connecting again from your MCP client.",
        nonce,
      ),
    );

  const load = async (c: Context<AppEnv>) => {
    const { req, res } = nodeOf(c);
    const provider = await oauth.provider();
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== c.req.param("uid")) return undefined;
      const registered = await provider.Client.find(String(details.params.client_id));
      const appName = registered?.clientName ?? String(details.params.client_id);
      return { provider, details, appName, req, res };
    } catch {
      return undefined;
    }
  };

  app.get("/oauth/interaction/:uid", async (c) => {
    const found = await load(c);
    if (!found) return expired(c);
    const { details, appName } = found;
    return page(c, 200, (nonce) =>
      renderKeyForm(
        { uid: details.uid, csrf: csrfOf(details.uid), appName, requested: requestedScopes(details) },
        nonce,
      ),
    );
  });

  app.post("/oauth/interaction/:uid", async (c) => {
    const origin = c.req.header("origin");
    if (origin && origin !== new URL(config.issuer).origin) {
      return page(c, 403, (nonce) =>
        renderMessage("Not allowed", "This form can only be sent from its own page.", nonce),
      );
    }
    const found = await load(c);
    if (!found) return expired(c);
    const { provider, details, appName, req, res } = found;
    const form = await c.req.parseBody();
    const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
    if (!sameSignature(field("csrf"), csrfOf(details.uid))) {
      return page(c, 403, (nonce) =>
        renderMessage("Not allowed", "The form was not sent from its page; reload it and try again.", nonce),
      );
    }
    const finish = async (result: Parameters<Provider["interactionResult"]>[2]) =>
      c.redirect(await provider.interactionResult(req, res, result, { mergeWithLastSubmission: false }), 303);

    const step = field("step");
    if (step === "deny") {
      return finish({ error: "access_denied", error_description: "The customer declined the connection." });
    }
    const requested = requestedScopes(details);

    if (step === "key") {
      const auth = await authenticateApiKey(services.db, field("api_key").trim(), services.now());
      if (!auth.ok) {
        const error =
          auth.reason === "revoked" || auth.reason === "expired"
            ? `That API key is ${auth.reason}. Ask your Tag Compliance Cloud administrator for a new one.`
            : "That is not a valid API key. Paste the whole key, starting with tagc_.";
        return page(c, 400, (nonce) =>
          renderKeyForm({ uid: details.uid, csrf: csrfOf(details.uid), appName, requested, error }, nonce),
        );
      }
      const scopes = requested.filter((scope) => keyAllows(auth.key.scopes, scope));
      if (!scopes.length) {
        const error = `That API key has none of the requested scopes (${requested.join(", ")}). Use another key.`;
        return page(c, 400, (nonce) =>
          renderKeyForm({ uid: details.uid, csrf: csrfOf(details.uid), appName, requested, error }, nonce),
        );
      }
      const accountId = oauthAccountId(auth.client.id, auth.key.id);
      return page(c, 200, (nonce) =>
        renderApprove(
          {
            uid: details.uid,
            csrf: csrfOf(details.uid),
            appName,
            clientName: auth.client.name,
            scopes,
            dropped: requested.filter((scope) => !scopes.includes(scope)),
            approval: approvalOf(details.uid, accountId, scopes),
          },
          nonce,
        ),
      );
    }

    if (step === "approve") {
      const [accountId = "", joined = "", signature = ""] = field("approval").split(".");
      const scopes = joined.split("+").filter(Boolean);
      const expected = approvalOf(details.uid, accountId, scopes).split(".")[2] ?? "";
      // The key may have been revoked between the two steps: look again.
      const account = sameSignature(signature, expected)
        ? await findOAuthAccount(services.db, accountId, services.now())
        : undefined;
      if (!account) return expired(c);
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addResourceScope(config.mcpUrl, scopes.join(" "));
      grant.addOIDCScope(scopes.join(" "));
      // Scopes the key lacks are refused in the grant, so the provider does not ask again for them.
      const refused = requested.filter((scope) => !scopes.includes(scope));
      if (refused.length) {
        grant.rejectResourceScope(config.mcpUrl, refused.join(" "));
        grant.rejectOIDCScope(refused.join(" "));
      }
      const grantId = await grant.save();
      return finish({ login: { accountId, remember: false }, consent: { grantId } });
    }
    return expired(c);
  });
}
