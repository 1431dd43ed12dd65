// The classifier over the error shapes the SDK raises, without a sandbox: every protocol's
// spelling of a failure lands on the same code, and no text ever carries AWS's message.
import { describe, expect, it } from "vitest";
import { AssumeRoleError, type AwsErrorCode, classifyAssumeRoleError, classifyAwsError } from "../src";

const EXTERNAL_ID = "SecretExternalId0123456789abcdefABCDEF";
/** An SDK service exception as it arrives: name is the AWS code, the message is AWS's own. */
const awsError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`raw: arn:aws:iam::444444444444:role/Other ExternalId=${EXTERNAL_ID}`), {
    name,
    $metadata: { httpStatusCode: 400 },
    ...extra,
  });

describe("classifyAssumeRoleError", () => {
  const cases: [string, Error, AwsErrorCode, boolean][] = [
    ["AccessDenied", awsError("AccessDenied"), "ACCESS_DENIED", false],
    ["RegionDisabledException", awsError("RegionDisabledException"), "REGION_DISABLED", false],
    ["Throttling", awsError("Throttling"), "THROTTLED", true],
    ["ExpiredToken", awsError("ExpiredToken"), "CONTROL_PLANE_CREDENTIALS", false],
    ["InvalidClientTokenId", awsError("InvalidClientTokenId"), "CONTROL_PLANE_CREDENTIALS", false],
    ["SignatureDoesNotMatch", awsError("SignatureDoesNotMatch"), "CONTROL_PLANE_CREDENTIALS", false],
    ["no credential source", awsError("CredentialsProviderError"), "CONTROL_PLANE_CREDENTIALS", false],
    [
      "chained duration",
      Object.assign(awsError("ValidationError"), {
        message:
          "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      }),
      "DURATION_TOO_LONG",
      false,
    ],
    ["malformed ARN", awsError("ValidationError"), "INVALID_ROLE", false],
    [
      "socket refused",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      "NETWORK",
      true,
    ],
    ["timeout", awsError("TimeoutError"), "NETWORK", true],
    [
      "server fault",
      awsError("InternalFailure", { $fault: "server", $metadata: { httpStatusCode: 500 } }),
      "UNKNOWN",
      true,
    ],
    ["anything else", awsError("SomethingNew"), "UNKNOWN", false],
    ["not an error at all", "boom" as unknown as Error, "UNKNOWN", false],
  ];
  it.each(cases)("%s", (_label, error, code, retryable) => {
    const c = classifyAssumeRoleError(error);
    expect(c.code).toBe(code);
    expect(c.retryable).toBe(retryable);
    expect(c.countsTowardRevocation).toBe(code === "ACCESS_DENIED");
    expect(c.message).not.toContain("raw:");
    expect(`${c.message} ${c.fix}`).not.toContain(EXTERNAL_ID);
    expect(`${c.message} ${c.fix}`).not.toMatch(/arn:/);
  });
});

describe("classifyAwsError (calls made with a tenant session)", () => {
  it.each(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"])(
    "%s is ACCESS_DENIED that marks the client degraded, not revoked",
    (name) => {
      const c = classifyAwsError(awsError(name));
      expect(c).toMatchObject({ code: "ACCESS_DENIED", countsTowardRevocation: false });
      expect(c.fix).toMatch(/latest version of the stack/);
    },
  );

  it.each([
    "Throttling",
    "ThrottlingException",
    "RequestLimitExceeded",
    "SlowDown",
    "TooManyRequestsException",
  ])("%s is THROTTLED", (name) =>
    expect(classifyAwsError(awsError(name))).toMatchObject({ code: "THROTTLED", retryable: true }),
  );

  it("treats a refused session token as retryable, not as an operator alert", () => {
    const c = classifyAwsError(awsError("ExpiredTokenException"));
    expect(c).toMatchObject({ code: "UNKNOWN", retryable: true });
    expect(c.fix).toMatch(/assumes the role again/);
  });

  it("passes an AssumeRole failure from the credential provider through unchanged", () => {
    const inner = classifyAssumeRoleError(awsError("AccessDenied"));
    expect(classifyAwsError(new AssumeRoleError(inner, "AccessDenied"))).toBe(inner);
  });
});

describe("AssumeRoleError", () => {
  it("carries the safe sentence as its message and the code, never the AWS message", () => {
    const error = new AssumeRoleError(classifyAssumeRoleError(awsError("AccessDenied")), "AccessDenied");
    expect(error.code).toBe("ACCESS_DENIED");
    expect(error.message).toBe("AWS denied AssumeRole on the customer's role.");
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify(error)).not.toContain(EXTERNAL_ID);
  });
});
