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

/**
 * REST-JSON services answer generic failures with their own status codes (403 for credentials and
 * access, 429 for throttling, 404 for an unknown route), not the JSON protocol's 400s.
 */
const restJsonDialect = {
  ...jsonDialect,
  InvalidClientTokenId: ["UnrecognizedClientException", 403],
  SignatureDoesNotMatch: ["InvalidSignatureException", 403],
  MissingAuthenticationToken: ["MissingAuthenticationTokenException", 403],
  ExpiredToken: ["ExpiredTokenException", 403],
  AccessDenied: ["AccessDeniedException", 403],
  Throttling: ["ThrottlingException", 429],
  InternalFailure: ["InternalServerException", 500],
  InvalidAction: ["UnknownOperationException", 404],
} as const;

/**
 * A JSON-protocol service whose signing name, IAM prefix and table key are one name: its JSON version,
 * X-Amz-Target prefix and, where it differs, the code it answers an internal failure with.
 */
const jsonService = (
  name: string,
  jsonVersion: "1.0" | "1.1",
  targetPrefix: string,
  internal?: string,
): ServiceDef => ({
  signingName: name,
  iamPrefix: name,
  protocol: "json",
  jsonVersion,
  targetPrefix,
  dialect: internal ? { ...jsonDialect, InternalFailure: [internal, 500] } : jsonDialect,
});

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
  ecs: jsonService("ecs", "1.1", "AmazonEC2ContainerServiceV20141113", "ServerException"),
  dynamodb: jsonService("dynamodb", "1.0", "DynamoDB_20120810", "InternalServerError"),
  kinesis: {
    signingName: "kinesis",
    iamPrefix: "kinesis",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "Kinesis_20131202",
    dialect: { ...jsonDialect, Throttling: ["LimitExceededException", 400] },
  },
  secretsmanager: jsonService("secretsmanager", "1.1", "secretsmanager", "InternalServiceError"),
  kms: jsonService("kms", "1.1", "TrentService", "KMSInternalException"),
  // AWS Glue's own spelling of the generic errors (API reference, "Common Errors" and each action's).
  glue: jsonService("glue", "1.1", "AWSGlue", "InternalServiceException"),
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
    dialect: { ...restJsonDialect, InternalFailure: ["InternalServerError", 500] },
  },
  eks: {
    signingName: "eks",
    iamPrefix: "eks",
    protocol: "restjson",
    dialect: { ...restJsonDialect, InternalFailure: ["ServerException", 500] },
  },
  sagemaker: jsonService("sagemaker", "1.1", "SageMaker"),
  // Agents for Amazon Bedrock: the SDK signs as "bedrock" and IAM names the actions bedrock:*.
  bedrock: {
    signingName: "bedrock",
    iamPrefix: "bedrock",
    protocol: "restjson",
    dialect: restJsonDialect,
  },
  redshift: {
    signingName: "redshift",
    iamPrefix: "redshift",
    protocol: "query",
    xmlns: "http://redshift.amazonaws.com/doc/2012-12-01/",
    dialect: queryDialect,
  },
  fsx: jsonService("fsx", "1.1", "AWSSimbaAPIService_v20180301", "InternalServerError"),
  elasticmapreduce: jsonService("elasticmapreduce", "1.1", "ElasticMapReduce", "InternalServerError"),
  states: jsonService("states", "1.0", "AWSStepFunctions", "InternalFailure"),
  es: {
    signingName: "es",
    iamPrefix: "es",
    protocol: "restjson",
    dialect: { ...restJsonDialect, InternalFailure: ["InternalException", 500] },
  },
  // CodePipeline (JSON 1.1): ValidationException etc. in the JSON dialect.
  codepipeline: jsonService("codepipeline", "1.1", "CodePipeline_20150709"),
  // CloudFront and Route 53 are REST-XML and global: AWS signs them for us-east-1, and their
  // errors are <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>.
  cloudfront: {
    signingName: "cloudfront",
    iamPrefix: "cloudfront",
    protocol: "restxml",
    xmlns: "http://cloudfront.amazonaws.com/doc/2020-05-31/",
    dialect: { ...queryDialect, InternalFailure: ["InternalError", 500] },
  },
  route53: {
    signingName: "route53",
    iamPrefix: "route53",
    protocol: "restxml",
    xmlns: "https://route53.amazonaws.com/doc/2013-04-01/",
    dialect: { ...queryDialect, InternalFailure: ["InternalError", 500] },
  },
  "cognito-idp": {
    signingName: "cognito-idp",
    iamPrefix: "cognito-idp",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "AWSCognitoIdentityProviderService",
    dialect: {
      ...jsonDialect,
      Throttling: ["TooManyRequestsException", 400],
      InternalFailure: ["InternalErrorException", 500],
    },
  },
  "cognito-identity": {
    signingName: "cognito-identity",
    iamPrefix: "cognito-identity",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "AWSCognitoIdentityService",
    dialect: {
      ...jsonDialect,
      Throttling: ["TooManyRequestsException", 400],
      InternalFailure: ["InternalErrorException", 500],
    },
  },
  codebuild: jsonService("codebuild", "1.1", "CodeBuild_20161006"),
  apigateway: {
    signingName: "apigateway",
    iamPrefix: "apigateway",
    protocol: "restjson",
    dialect: {
      ...jsonDialect,
      InvalidClientTokenId: ["UnrecognizedClientException", 403],
      SignatureDoesNotMatch: ["InvalidSignatureException", 403],
      MissingAuthenticationToken: ["MissingAuthenticationTokenException", 403],
      ExpiredToken: ["ExpiredTokenException", 403],
      AccessDenied: ["AccessDeniedException", 403],
      Throttling: ["TooManyRequestsException", 429],
      InternalFailure: ["InternalFailure", 500],
      InvalidAction: ["NotFoundException", 404],
    },
  },
  firehose: {
    signingName: "firehose",
    iamPrefix: "firehose",
    protocol: "json",
    jsonVersion: "1.1",
    targetPrefix: "Firehose_20150804",
    dialect: { ...jsonDialect, Throttling: ["LimitExceededException", 400] },
  },
  dms: jsonService("dms", "1.1", "AmazonDMSv20160101"),
  memorydb: jsonService("memorydb", "1.1", "AmazonMemoryDB"),
  transfer: jsonService("transfer", "1.1", "TransferService", "InternalServiceError"),
  apprunner: jsonService("apprunner", "1.0", "AppRunner", "InternalServiceErrorException"),
  dax: jsonService("dax", "1.1", "AmazonDAXV3"),
  kafka: {
    signingName: "kafka",
    iamPrefix: "kafka",
    protocol: "restjson",
    dialect: {
      ...jsonDialect,
      InvalidClientTokenId: ["UnrecognizedClientException", 403],
      SignatureDoesNotMatch: ["InvalidSignatureException", 403],
      MissingAuthenticationToken: ["MissingAuthenticationTokenException", 403],
      ExpiredToken: ["ExpiredTokenException", 403],
      AccessDenied: ["AccessDeniedException", 403],
      Throttling: ["TooManyRequestsException", 429],
      InternalFailure: ["InternalServerErrorException", 500],
      ServiceUnavailable: ["ServiceUnavailableException", 503],
      InvalidAction: ["NotFoundException", 404],
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
