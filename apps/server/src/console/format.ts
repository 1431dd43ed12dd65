// How the console shows times, states and counts: one wording for every page.
import { html } from "../onboard/html";

/** A UTC time to the minute, machine-readable in <time>; a dash when there is none. */
export const when = (iso: string | null | undefined) =>
  iso ? html`<time datetime="${iso}">${iso.slice(0, 16).replace("T", " ")} UTC</time>` : "—";

/** A state as a coloured badge; the word itself carries the meaning, the colour only repeats it. */
export const badge = (status: string) => html`<span class="badge" data-status="${status}">${status}</span>`;

export const count = (n: number) => n.toLocaleString("en-US");
