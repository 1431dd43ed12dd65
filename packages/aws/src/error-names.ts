// AWS error names grouped by meaning. The SDK sets `name` to the service's error code; each
// protocol spells the same failure differently (query XML, EC2, JSON 1.x, REST-XML).

export const ACCESS_DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedAccess",
  "AuthorizationError",
  "AuthorizationErrorException",
]);

export const REGION_DISABLED = new Set(["RegionDisabledException", "OptInRequired"]);

export const THROTTLED = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "TooManyRequestsException",
  "SlowDown",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "LimitExceededException",
]);

/** The caller's keys themselves were refused: expired, unknown, or signed with the wrong secret. */
export const TOKEN_REJECTED = new Set([
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "SignatureDoesNotMatch",
  "InvalidSignatureException",
  "IncompleteSignature",
  "IncompleteSignatureException",
  "MissingAuthenticationToken",
  "MissingAuthenticationTokenException",
  "AuthFailure",
  "InvalidAccessKeyId",
  "InvalidToken",
]);

/** The SDK's own error when no credential source in the chain produced keys. */
export const NO_CREDENTIALS = new Set(["CredentialsProviderError"]);

/** AssumeRole input the service refused (bad ARN, duration, policy). */
export const VALIDATION = new Set([
  "ValidationError",
  "ValidationException",
  "MalformedPolicyDocument",
  "MalformedPolicyDocumentException",
  "PackedPolicyTooLarge",
]);

export const NETWORK = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "NetworkingError",
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
