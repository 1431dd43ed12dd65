// Form plumbing shared by the console's pages and actions: the CSRF field, labelled inputs that
// show their own error, and reading a urlencoded body into the plain object a zod schema parses.
import type { Context } from "hono";
import type { ZodError } from "zod";
import { describeZodError } from "../errors";
import { html, type SafeHtml } from "../onboard/html";
import type { AppEnv } from "../types";
import type { ConsoleSession } from "./session";

export const CSRF_FIELD = "csrf_token";

export const csrfField = (session: ConsoleSession) =>
  html`<input type="hidden" name="${CSRF_FIELD}" value="${session.csrf}">`;

/** Field name → message, from zod issues (the same wording the REST envelope uses). */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of describeZodError(error).fields) errors[field] ??= message;
  return errors;
}

export interface InputOptions {
  name: string;
  label: string;
  value?: string | undefined;
  type?: string;
  required?: boolean;
  hint?: string;
  errors?: FieldErrors;
  autocomplete?: string;
}

/** A labelled input; its error (if any) is announced with it through aria-describedby. */
export function input(o: InputOptions): SafeHtml {
  const id = `f-${o.name}`;
  const error = o.errors?.[o.name];
  const described = [o.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return html`<div><label for="${id}">${o.label}</label>
<input id="${id}" name="${o.name}" type="${o.type ?? "text"}" value="${o.value ?? ""}"${o.required ? html` required` : ""}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ""}${described ? html` aria-describedby="${described}"` : ""}${error ? html` aria-invalid="true"` : ""}>
${o.hint ? html`<p class="muted" id="${id}-hint">${o.hint}</p>` : ""}${error ? html`<p class="field-error" id="${id}-error">${o.name}: ${error}</p>` : ""}</div>`;
}

export interface SelectOptions {
  name: string;
  label: string;
  options: readonly (string | { value: string; label: string })[];
  value?: string | undefined;
  errors?: FieldErrors;
}

export function select(o: SelectOptions): SafeHtml {
  const id = `f-${o.name}`;
  const error = o.errors?.[o.name];
  const items = o.options.map((option) => {
    const { value, label } = typeof option === "string" ? { value: option, label: option } : option;
    return html`<option value="${value}"${value === (o.value ?? "") ? html` selected` : ""}>${label}</option>`;
  });
  return html`<div><label for="${id}">${o.label}</label>
<select id="${id}" name="${o.name}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ""}>${items}</select>
${error ? html`<p class="field-error" id="${id}-error">${o.name}: ${error}</p>` : ""}</div>`;
}

/**
 * The form's fields as strings (a repeated field as an array); empty fields are dropped, so an
 * optional field left blank is absent, as it would be from a JSON body. The CSRF token is not data.
 */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === CSRF_FIELD) continue;
    const values = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === "string" && v.trim() !== "",
    );
    if (values.length === 1 && !Array.isArray(value)) fields[name] = values[0] as string;
    else if (values.length) fields[name] = values;
  }
  return fields;
}
