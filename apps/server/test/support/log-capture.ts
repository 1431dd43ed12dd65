// A pino logger whose lines land in memory, so tests can assert what was (and was not) logged.
import pino, { type Logger } from "pino";

export interface LogCapture {
  logger: Logger;
  /** Every raw line written so far, exactly as a log shipper would receive it. */
  readonly lines: string[];
  /** The lines parsed as JSON. */
  entries(): Record<string, unknown>[];
  clear(): void;
}

export function captureLogs(level: pino.LevelWithSilent = "debug"): LogCapture {
  const lines: string[] = [];
  // Deliberately without the production logger's `redact` paths: a secret must never reach a log
  // call in the first place, so the tests do not lean on redaction to pass.
  const logger = pino(
    { level, base: { service: "tagc-server" } },
    {
      write(line: string) {
        lines.push(line);
      },
    },
  );
  return {
    logger,
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => {
      lines.length = 0;
    },
  };
}
