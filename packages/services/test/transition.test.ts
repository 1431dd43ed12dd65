// The state machine over every verdict: inconclusive changes nothing, a required denial degrades
// (never revokes), only AssumeRole refusals count toward revocation.
import { describe, expect, it } from "vitest";
import { type ConnectionState, nextState, type VerifyOutcome } from "../src/verification/transition";

const at = (status: ConnectionState["status"], consecutiveFailures = 0): ConnectionState => ({
  status,
  consecutiveFailures,
});
const denied: VerifyOutcome = { kind: "failed", code: "ACCESS_DENIED", countsTowardRevocation: true };

describe("nextState", () => {
  const cases: [string, ConnectionState, VerifyOutcome, boolean, ConnectionState][] = [
    ["verified connects", at("pending"), { kind: "verified", deniedActions: [] }, true, at("connected")],
    [
      "optional denials degrade",
      at("connected", 2),
      { kind: "verified", deniedActions: ["x"] },
      true,
      at("degraded"),
    ],
    ["inconclusive keeps connected", at("connected", 1), { kind: "inconclusive" }, true, at("connected", 1)],
    ["inconclusive keeps pending", at("pending"), { kind: "inconclusive" }, false, at("pending")],
    ["inconclusive keeps degraded", at("degraded", 2), { kind: "inconclusive" }, true, at("degraded", 2)],
    [
      "required denial degrades a connected client",
      at("connected", 1),
      { kind: "required_denied" },
      true,
      at("degraded"),
    ],
    [
      "required denial ends a revocation",
      at("revoked", 3),
      { kind: "required_denied" },
      true,
      at("degraded"),
    ],
    [
      "required denial keeps pending polling",
      at("pending"),
      { kind: "required_denied" },
      true,
      at("pending"),
    ],
    ["an AssumeRole refusal counts", at("connected", 1), denied, true, at("connected", 2)],
    ["the third refusal revokes", at("connected", 2), denied, true, at("revoked", 3)],
    ["polling never counts", at("pending", 2), denied, false, at("pending", 2)],
    ["deleted stays deleted", at("deleted"), { kind: "verified", deniedActions: [] }, true, at("deleted")],
  ];
  it.each(cases)("%s", (_name, state, outcome, count, expected) => {
    expect(nextState(state, outcome, count)).toEqual(expected);
  });
});
