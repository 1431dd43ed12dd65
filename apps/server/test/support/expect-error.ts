// The one error envelope, asserted exactly: `{ error: { code, message, requestId, details? } }`.
import { expect } from "vitest";
import type { HarnessResponse } from "../harness";

export interface ExpectedError {
  status: number;
  code: string;
  message: string;
  /** Exactly the `details` member; omitted means the envelope has none. */
  details?: Record<string, unknown>;
}

/** The `details` of a zod validation failure naming each field. */
export const fields = (...entries: [field: string, message: string][]) => ({
  fields: entries.map(([field, message]) => ({ field, message })),
});

export function expectError(response: HarnessResponse<unknown>, expected: ExpectedError) {
  // The request id in the body is the one in the response header, so a support ticket can quote either.
  const requestId = response.headers.get("x-request-id");
  expect(requestId).toMatch(/^[\w.-]{8,128}$/);
  expect({ status: response.status, body: response.body }).toEqual({
    status: expected.status,
    body: {
      error: {
        code: expected.code,
        message: expected.message,
        requestId,
        ...(expected.details ? { details: expected.details } : {}),
      },
    },
  });
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
}

export const notFoundClient = (id: string): ExpectedError => ({
  status: 404,
  code: "NOT_FOUND",
  message: `client ${id} was not found`,
});

export const notFoundKey = (id: string): ExpectedError => ({
  status: 404,
  code: "NOT_FOUND",
  message: `api key ${id} was not found`,
});
