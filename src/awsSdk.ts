// The AWS SDK, bundled on its own (dist/awsSdk.js) and loaded only when a user verifies a
// profile or asks Cloud9 for its status, so activation never pays for it.
export { fromIni } from '@aws-sdk/credential-providers';
export { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
