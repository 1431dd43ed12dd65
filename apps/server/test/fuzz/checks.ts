// What every fuzzed answer must satisfy, REST and MCP alike. Each check throws with the reason, so
// fast-check reports the failing input, its seed and its shrunk path.
import { ERROR_CODES } from "@tagc/services";

/** Bounded so the suite stays ≲ 2 minutes; the seed is fixed so CI runs the same inputs every time. */
export const FUZZ = {
  seed: Number(process.env.FUZZ_SEED ?? 1_300_013),
  runs: (base: number) => Math.max(1, Math.round(base * Number(process.env.FUZZ_RUNS_SCALE ?? 1))),
};

// Stack frames, source paths and raw error names: an answer carrying any of them leaked internals.
const LEAKS: [string, RegExp][] = [
  ["a stack frame", /\n\s+at \S+|\bat (?:async )?[\w.<>]+ \((?:file:|node:|\/)/],
  ["a source path", /node_modules|\/work\/|\/home\/|[\w-]+\.(?:ts|js|mjs):\d+/],
  [
    "a raw error name",
    /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|DrizzleQueryError|DatabaseError|PostgresError): /,
  ],
  [
    "a driver message",
    /invalid byte sequence|unsupported Unicode escape|Maximum call stack|violates .* constraint/i,
  ],
];

/** Fails when the answer shows internals, unless the caller sent that very text (an echoed input). */
export function expectNoLeak(answer: string, sent: string) {
  for (const [what, pattern] of LEAKS) {
    const found = answer.match(pattern)?.[0];
    if (found && !sent.includes(found))
      throw new Error(`answer leaks ${what} (${JSON.stringify(found)}): ${answer.slice(0, 500)}`);
  }
}

/** Fails when the answer carries another tenant's identifiers that the caller did not send itself. */
export function expectNoForeignData(answer: string, sent: string, foreign: string[], who: string) {
  for (const marker of foreign) {
    if (marker && answer.includes(marker) && !sent.includes(marker))
      throw new Error(
        `answer for ${who} carries another tenant's ${JSON.stringify(marker)}: ${answer.slice(0, 500)}`,
      );
  }
}

export interface Envelope {
  error: {
    code: string;
    message: string;
    requestId: string;
    details?: { field?: string; fields?: { field: string }[] };
  };
}

/** The one error envelope, with a code from the closed list. */
export function expectEnvelope(body: unknown, status: number): Envelope {
  const error = (body as Partial<Envelope> | null)?.error;
  if (!error || typeof error.message !== "string" || typeof error.requestId !== "string")
    throw new Error(`${status} answer is not the error envelope: ${JSON.stringify(body)?.slice(0, 300)}`);
  if (!ERROR_CODES.options.includes(error.code as never)) throw new Error(`unknown error code ${error.code}`);
  return body as Envelope;
}

/** The fields a refusal names: `field: why` segments of the message and `details.fields`. */
export function namedFields(message: string, details?: Envelope["error"]["details"]): string[] {
  // "field: why" segments, also after a lead-in ("policy is invalid: required_tags.0.name: …").
  const fromMessage = [...message.matchAll(/(?:^|: |; )([^\s:;"]+): /g)].map((m) => m[1] as string);
  return [
    ...fromMessage,
    ...(details?.field ? [details.field] : []),
    ...(details?.fields ?? []).map((f) => f.field),
  ];
}

/** A 400 must name a field of the request (a parameter, a body field, the body itself or a sent key). */
export function expectNamesField(envelope: Envelope, known: Set<string>) {
  const fields = namedFields(envelope.error.message, envelope.error.details);
  const root = (field: string) => field.split(/[.[]/)[0] ?? field;
  if (!fields.some((f) => known.has(root(f))))
    throw new Error(
      `refusal names no field of the request (${[...known].join(", ")}): ${envelope.error.message}`,
    );
}

/** fast-check's report (seed, path, counterexample) cut to a readable size, with the reason first. */
export function failureReport(error: Error): string {
  const reason = error.cause instanceof Error ? error.cause.message : "";
  const report = error.message.split("\n").filter((line) => !line.startsWith("Hint:"));
  return [reason.slice(0, 700), ...report.map((line) => line.slice(0, 700))].join("\n");
}
