// Bad client ids for the error files of the /v1/clients/{id}/… routes: each is a 404 in the envelope,
// and a malformed one is never echoed back.
import { type ExpectedError, notFoundClient } from "./expect-error";
import { UNKNOWN_CLIENT_ID } from "./routes";

const MALFORMED: ExpectedError = { status: 404, code: "NOT_FOUND", message: "client was not found" };

export const CLIENT_ID_CASES: [name: string, id: string, expected: ExpectedError][] = [
  ["an unknown client id", UNKNOWN_CLIENT_ID, notFoundClient(UNKNOWN_CLIENT_ID)],
  ["a key id in place of a client id", "key_00000000000000000000000000", MALFORMED],
  ["an id without its prefix", "01m7ydr3ma6xs8hdwnh6xca8ej", MALFORMED],
  ["a too long id", `cli_${"a".repeat(41)}`, MALFORMED],
  ["an id with SQL in it", "cli_x'%20or%20'1'='1", MALFORMED],
  ["an id with markup in it", "cli_%3Cscript%3E", MALFORMED],
  ["an id with a NUL in it", "cli_abc%00def0000", MALFORMED],
];
