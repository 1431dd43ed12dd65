// How each emulated AWS service is addressed and how it spells common errors. The service is read
// from the SigV4 credential scope, so one endpoint (AWS_ENDPOINT_URL) serves every client.

export type Protocol = "query" | "ec2" | "json" | "restjson" | "restxml";

/** Generic failures every service raises, in each service's own dialect: [code, HTTP status]. */
export type GenericCode =
  | "InvalidClientTokenId"
  | "SignatureDoesNotMatch"
  | "MissingAuthenticationToken"
  | "ExpiredToken"
  | "AccessDenied"
  | "Throttling"
  | "InternalFailure"
  | "ServiceUnavailable"
  | "InvalidAction";

export interface ServiceDef {
  /** The SigV4 signing name. */
  signingName: string;
  /** The IAM action prefix ("tag" for the Tagging API, "ce" for Cost Explorer). */
  iamPrefix: string;
  protocol: Protocol;
  xmlns?: string;
  jsonVersion?: "1.0" | "1.1";
  targetPrefix?: string;
  dialect: Record<GenericCode, readonly [string, number]>;
}

const queryDialect = {
  InvalidClientTokenId: ["InvalidClientTokenId", 403],
  SignatureDoesNotMatch: ["SignatureDoesNotMatch", 403],
  MissingAuthenticationToken: ["MissingAuthenticationToken", 403],
  ExpiredToken: ["ExpiredToken", 403],
  AccessDenied: ["AccessDenied", 403],
  Throttling: ["Throttling", 400],
  InternalFailure: ["InternalFailure", 500],
  ServiceUnavailable: ["ServiceUnavailable", 503],
  InvalidAction: ["InvalidAction", 400],
} as const;

const jsonDialect = {
  InvalidClientTokenId: ["UnrecognizedClientException", 400],
  SignatureDoesNotMatch: ["InvalidSignatureException", 400],
  MissingAuthenticationToken: ["MissingAuthenticationTokenException", 400],
  ExpiredToken: ["ExpiredTokenException", 400],
  AccessDenied: ["AccessDeniedException", 400],
  Throttling: ["ThrottlingException", 400],
  InternalFailure: ["InternalFailure", 500],
  ServiceUnavailable: ["ServiceUnavailable", 503],
  InvalidAction: ["UnknownOperationException", 400],
} as const;

export const SERVICES: Record<string, ServiceDef> = {
  sts: {
    signingName: "sts",
    iamPrefix: "sts",
    protocol: "query",
    xmlns: "https://sts.amazonaws.com/doc/2011-06-15/",
    dialect: queryDialect,
  },
  cloudformation: {
    signingName: "cloudformation",
    iamPrefix: "cloudformation",
    protocol: "query",
    xmlns: "http://cloudformation.amazonaws.com/doc/2010-05-15/",
    dialect: queryDialect,
  },
  rds: {
    signingName: "rds",
    iamPrefix: "rds",
    protocol: "query",
    xmlns: "http://rds.amazonaws.com/doc/2014-10-31/",
    dialect: queryDialect,
  },
  elasticloadbalancing: {
    signingName: "elasticloadbalancing",
    iamPrefix: "elasticloadbalancing",
    protocol: "query",
    xmlns: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
    dialect: queryDialect,
  },
  elasticache: {
    signingName: "elasticache",
    iamPrefix: "elasticache",
    protocol: "query",
    xmlns: "http://elasticache.amazonaws.com/doc/2015-02-02/",
    dialect: queryDialect,
  },
  ec2: {
    signingName: "ec2",
    iamPrefix: "ec2",
    protocol: "ec2",
    xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/",
    dialect: {
      ...queryDialect,
      InvalidClientTokenId: ["AuthFailure", 401],
      SignatureDoesNotMatch: ["AuthFailure", 401],
      MissingAuthenticationToken: ["AuthFailure", 401],
      AccessDenied: ["UnauthorizedOperation", 403],
      Throttling: ["RequestLimitExceeded", 503],
      InternalFailure: ["InternalError", 500],
      ServiceUnavailable: ["Unavailable", 503],
    },
  },
  tagging: {
    signingName: "tagging",
    iamPrefix: "tag",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "ResourceGroupsTaggingAPI_20170126",
    dialect: { ...jsonDialect, InternalFailure: ["InternalServiceException", 500] },
  },
  ecs: {
    signingName: "ecs",
    iamPrefix: "ecs",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "AmazonEC2ContainerServiceV20141113",
    dialect: { ...jsonDialect, InternalFailure: ["ServerException", 500] },
  },
  dynamodb: {
    signingName: "dynamodb",
    iamPrefix: "dynamodb",
    protocol: "json",
    jsonVersion: "1.0",
    targetPrefix: "DynamoDB_20120810",
    dialect: { ...jsonDialect, InternalFailure: ["InternalServerError", 500] },
  },
  kinesis: {
    signingName: "kinesis",
    iamPrefix: "kinesis",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "Kinesis_20131202",
    dialect: { ...jsonDialect, Throttling: ["LimitExceededException", 400] },
  },
  secretsmanager: {
    signingName: "secretsmanager",
    iamPrefix: "secretsmanager",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "secretsmanager",
    dialect: { ...jsonDialect, InternalFailure: ["InternalServiceError", 500] },
  },
  kms: {
    signingName: "kms",
    iamPrefix: "kms",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "TrentService",
    dialect: { ...jsonDialect, InternalFailure: ["KMSInternalException", 500] },
  },
  // AWS Glue's own spelling of the generic errors (API reference, "Common Errors" and each action's).
  glue: {
    signingName: "glue",
    iamPrefix: "glue",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "AWSGlue",
    dialect: { ...jsonDialect, InternalFailure: ["InternalServiceException", 500] },
  },
  ce: {
    signingName: "ce",
    iamPrefix: "ce",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "AWSInsightsIndexService",
    dialect: { ...jsonDialect, Throttling: ["LimitExceededException", 400] },
  },
  organizations: {
    signingName: "organizations",
    iamPrefix: "organizations",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "AWSOrganizationsV20161128",
    dialect: {
      ...jsonDialect,
      Throttling: ["TooManyRequestsException", 400],
      InternalFailure: ["ServiceException", 500],
    },
  },
  lambda: {
    signingName: "lambda",
    iamPrefix: "lambda",
    protocol: "restjson",
    dialect: {
      ...jsonDialect,
      InvalidClientTokenId: ["UnrecognizedClientException", 403],
      SignatureDoesNotMatch: ["InvalidSignatureException", 403],
      MissingAuthenticationToken: ["MissingAuthenticationTokenException", 403],
      ExpiredToken: ["ExpiredTokenException", 403],
      AccessDenied: ["AccessDeniedException", 403],
      Throttling: ["TooManyRequestsException", 429],
      InternalFailure: ["ServiceException", 500],
      InvalidAction: ["ResourceNotFoundException", 404],
    },
  },
  elasticfilesystem: {
    signingName: "elasticfilesystem",
    iamPrefix: "elasticfilesystem",
    protocol: "restjson",
    dialect: {
      ...jsonDialect,
      InvalidClientTokenId: ["UnrecognizedClientException", 403],
      SignatureDoesNotMatch: ["InvalidSignatureException", 403],
      MissingAuthenticationToken: ["MissingAuthenticationTokenException", 403],
      ExpiredToken: ["ExpiredTokenException", 403],
      AccessDenied: ["AccessDeniedException", 403],
      Throttling: ["ThrottlingException", 429],
      InternalFailure: ["InternalServerError", 500],
      InvalidAction: ["UnknownOperationException", 404],
    },
  },
  eks: {
    signingName: "eks",
    iamPrefix: "eks",
    protocol: "restjson",
    dialect: {
      ...jsonDialect,
      InvalidClientTokenId: ["UnrecognizedClientException", 403],
      SignatureDoesNotMatch: ["InvalidSignatureException", 403],
      MissingAuthenticationToken: ["MissingAuthenticationTokenException", 403],
      ExpiredToken: ["ExpiredTokenException", 403],
      AccessDenied: ["AccessDeniedException", 403],
      Throttling: ["ThrottlingException", 429],
      InternalFailure: ["ServerException", 500],
      InvalidAction: ["UnknownOperationException", 404],
    },
  },
  s3: {
    signingName: "s3",
    iamPrefix: "s3",
    protocol: "restxml",
    dialect: {
      InvalidClientTokenId: ["InvalidAccessKeyId", 403],
      SignatureDoesNotMatch: ["SignatureDoesNotMatch", 403],
      MissingAuthenticationToken: ["AccessDenied", 403],
      ExpiredToken: ["ExpiredToken", 400],
      AccessDenied: ["AccessDenied", 403],
      Throttling: ["SlowDown", 503],
      InternalFailure: ["InternalError", 500],
      ServiceUnavailable: ["ServiceUnavailable", 503],
      InvalidAction: ["NotImplemented", 501],
    },
  },
};
