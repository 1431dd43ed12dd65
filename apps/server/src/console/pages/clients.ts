// GET /console: every client with its status, searchable by name or e-mail and filterable by status,
// a page at a time: the listClients verb that GET /v1/clients calls.
import { CLIENT_STATUSES, listClients, type ServiceDeps } from "@tagc/services";
import type { Context } from "hono";
import { z } from "zod";
import { html } from "../../onboard/html";
import { ctxOf } from "../../routes/context";
import { hasNoNul, NO_NUL_MESSAGE } from "../../schemas/common";
import type { AppEnv } from "../../types";
import { errorPage } from "../errors";
import { fieldErrorsOf, input, select } from "../form";
import { badge, when } from "../format";
import { page } from "../respond";

const Query = z.strictObject({
  search: z.string().trim().max(200).refine(hasNoNul, NO_NUL_MESSAGE).optional(),
  status: z.enum(CLIENT_STATUSES).or(z.literal("")).optional(),
  cursor: z.string().max(200).optional(),
});

const PAGE_SIZE = 25;

export async function clientsPage(c: Context<AppEnv>, deps: ServiceDeps) {
  const query = Query.safeParse(c.req.query());
  if (!query.success) {
    const [field, message] = Object.entries(fieldErrorsOf(query.error))[0] ?? ["query", "is not valid"];
    return errorPage(c, 400, `${field}: ${message}`);
  }
  const { search, status, cursor } = query.data;
  const result = await listClients({
    ctx: ctxOf(c, deps),
    input: { search: search || undefined, status: status || undefined, cursor, limit: PAGE_SIZE },
  });
  const next = new URLSearchParams({
    ...(search ? { search } : {}),
    ...(status ? { status } : {}),
    ...(result.next_cursor ? { cursor: result.next_cursor } : {}),
  });
  const rows = result.data.map(
    (client) => html`<tr><td><a href="/console/clients/${client.id}">${client.name}</a></td>
<td>${badge(client.status)}</td><td>${client.tier}</td><td>${client.contact_email}</td><td>${when(client.created_at)}</td></tr>`,
  );
  return page(
    c,
    "Clients",
    html`<h1>Clients</h1>
<section aria-labelledby="search-title"><h2 id="search-title">Search</h2>
<form method="get" action="/console" class="row" role="search">
${input({ name: "search", label: "Name or e-mail", value: search, type: "search" })}
${select({ name: "status", label: "Status", options: [{ value: "", label: "Any status" }, ...CLIENT_STATUSES], value: status })}
<div><button type="submit">Search</button></div></form></section>
<section aria-labelledby="clients-title"><h2 id="clients-title">${result.data.length ? "Clients" : "No client matches"}</h2>
${
  result.data.length
    ? html`<table><thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Tier</th><th scope="col">Contact</th><th scope="col">Registered</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p><a href="/console/register">Register a client</a></p>`
}
${result.next_cursor ? html`<p><a href="/console?${next.toString()}">Next page</a></p>` : ""}
</section>`,
  );
}
