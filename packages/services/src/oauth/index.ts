export { findOAuthAccount, type OAuthAccount, oauthAccountId, parseOAuthAccountId } from "./account";
export { type LiveOAuthGrant, listOAuthGrants, liveOAuthGrant, revokeOAuthGrant } from "./grants";
export { type OAuthRecordStore, oauthRecordStore, purgeExpiredOAuthRecords, storedOAuthId } from "./records";
export { loadSigningKeys, OAUTH_SIGNING_ALG, publicSigningKeys, type SigningKeyPolicy } from "./signing-keys";
