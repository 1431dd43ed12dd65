// Shapes shared by the broker, the classifier and the verifier.

/**
 * Structurally the SDK's AwsCredentialIdentity (from @smithy/types, which this package does not
 * depend on directly), narrowed: role sessions always carry a token and an expiry.
 */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export interface SessionCredentials extends AwsCredentialIdentity {
  sessionToken: string;
  expiration: Date;
}

/** What the SDK accepts as `credentials`: called whenever the client needs (fresh) keys. */
export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

/** One tenant's role in one AWS account. The External ID is tenant-private: never log it. */
export interface RoleTarget {
  clientId: string;
  accountId: string;
  roleArn: string;
  externalId: string;
}
