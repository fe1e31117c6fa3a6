// Which AMTC-restricted service an operation name belongs to, for an error pasted without its command
// line ("… when calling the CreateUser operation"). Data from the service models bundled with AWS CLI
// 2.9.19 (botocore data for iam 2010-05-08, sts 2011-06-15, cloud9 2017-09-23). Names that more than
// one other service of the same protocol family also uses (TagResource, ListEnvironments, …) are left
// out: they say nothing. A name here is still only likely: another service may share it.

/** Operation names of the services SPEC §1 restricts, by service. */
export const RESTRICTED_OPERATIONS: Readonly<Record<'iam' | 'sts' | 'cloud9', readonly string[]>> = {
  iam: [
    'AddClientIDToOpenIDConnectProvider', 'AddRoleToInstanceProfile', 'AddUserToGroup', 'AttachGroupPolicy',
    'AttachRolePolicy', 'AttachUserPolicy', 'ChangePassword', 'CreateAccessKey', 'CreateAccountAlias',
    'CreateGroup', 'CreateInstanceProfile', 'CreateLoginProfile', 'CreateOpenIDConnectProvider',
    'CreatePolicy', 'CreatePolicyVersion', 'CreateRole', 'CreateSAMLProvider', 'CreateServiceLinkedRole',
    'CreateServiceSpecificCredential', 'CreateUser', 'CreateVirtualMFADevice', 'DeactivateMFADevice',
    'DeleteAccessKey', 'DeleteAccountAlias', 'DeleteAccountPasswordPolicy', 'DeleteGroup',
    'DeleteGroupPolicy', 'DeleteInstanceProfile', 'DeleteLoginProfile', 'DeleteOpenIDConnectProvider',
    'DeletePolicy', 'DeletePolicyVersion', 'DeleteRole', 'DeleteRolePermissionsBoundary', 'DeleteRolePolicy',
    'DeleteSAMLProvider', 'DeleteSSHPublicKey', 'DeleteServerCertificate', 'DeleteServiceLinkedRole',
    'DeleteServiceSpecificCredential', 'DeleteSigningCertificate', 'DeleteUser',
    'DeleteUserPermissionsBoundary', 'DeleteUserPolicy', 'DeleteVirtualMFADevice', 'DetachGroupPolicy',
    'DetachRolePolicy', 'DetachUserPolicy', 'EnableMFADevice', 'GenerateCredentialReport',
    'GenerateOrganizationsAccessReport', 'GenerateServiceLastAccessedDetails', 'GetAccessKeyLastUsed',
    'GetAccountAuthorizationDetails', 'GetAccountPasswordPolicy', 'GetAccountSummary',
    'GetContextKeysForCustomPolicy', 'GetContextKeysForPrincipalPolicy', 'GetCredentialReport', 'GetGroup',
    'GetGroupPolicy', 'GetInstanceProfile', 'GetLoginProfile', 'GetOpenIDConnectProvider',
    'GetOrganizationsAccessReport', 'GetPolicy', 'GetPolicyVersion', 'GetRole', 'GetRolePolicy',
    'GetSAMLProvider', 'GetSSHPublicKey', 'GetServerCertificate', 'GetServiceLastAccessedDetails',
    'GetServiceLastAccessedDetailsWithEntities', 'GetServiceLinkedRoleDeletionStatus', 'GetUser',
    'GetUserPolicy', 'ListAccessKeys', 'ListAccountAliases', 'ListAttachedGroupPolicies',
    'ListAttachedRolePolicies', 'ListAttachedUserPolicies', 'ListEntitiesForPolicy', 'ListGroupPolicies',
    'ListGroups', 'ListGroupsForUser', 'ListInstanceProfileTags', 'ListInstanceProfiles',
    'ListInstanceProfilesForRole', 'ListMFADeviceTags', 'ListMFADevices', 'ListOpenIDConnectProviderTags',
    'ListOpenIDConnectProviders', 'ListPolicies', 'ListPoliciesGrantingServiceAccess', 'ListPolicyTags',
    'ListPolicyVersions', 'ListRolePolicies', 'ListRoleTags', 'ListRoles', 'ListSAMLProviderTags',
    'ListSAMLProviders', 'ListSSHPublicKeys', 'ListServerCertificateTags', 'ListServerCertificates',
    'ListServiceSpecificCredentials', 'ListSigningCertificates', 'ListUserPolicies', 'ListUserTags',
    'ListUsers', 'ListVirtualMFADevices', 'PutGroupPolicy', 'PutRolePermissionsBoundary', 'PutRolePolicy',
    'PutUserPermissionsBoundary', 'PutUserPolicy', 'RemoveClientIDFromOpenIDConnectProvider',
    'RemoveRoleFromInstanceProfile', 'RemoveUserFromGroup', 'ResetServiceSpecificCredential',
    'ResyncMFADevice', 'SetDefaultPolicyVersion', 'SetSecurityTokenServicePreferences',
    'SimulateCustomPolicy', 'SimulatePrincipalPolicy', 'TagInstanceProfile', 'TagMFADevice',
    'TagOpenIDConnectProvider', 'TagPolicy', 'TagRole', 'TagSAMLProvider', 'TagServerCertificate', 'TagUser',
    'UntagInstanceProfile', 'UntagMFADevice', 'UntagOpenIDConnectProvider', 'UntagPolicy', 'UntagRole',
    'UntagSAMLProvider', 'UntagServerCertificate', 'UntagUser', 'UpdateAccessKey',
    'UpdateAccountPasswordPolicy', 'UpdateAssumeRolePolicy', 'UpdateGroup', 'UpdateLoginProfile',
    'UpdateOpenIDConnectProviderThumbprint', 'UpdateRole', 'UpdateRoleDescription', 'UpdateSAMLProvider',
    'UpdateSSHPublicKey', 'UpdateServerCertificate', 'UpdateServiceSpecificCredential',
    'UpdateSigningCertificate', 'UpdateUser', 'UploadSSHPublicKey', 'UploadServerCertificate',
    'UploadSigningCertificate',
  ],
  sts: [
    'AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'DecodeAuthorizationMessage',
    'GetAccessKeyInfo', 'GetCallerIdentity', 'GetFederationToken', 'GetSessionToken',
  ],
  cloud9: [
    'CreateEnvironmentEC2', 'CreateEnvironmentMembership', 'DeleteEnvironmentMembership',
    'DescribeEnvironmentMemberships', 'DescribeEnvironmentStatus', 'DescribeEnvironments',
    'UpdateEnvironmentMembership',
  ],
};

/** Query-protocol services (IAM, STS) answer a bad token with these codes, JSON ones (Cloud9) with the others. */
const QUERY_CODES = new Set(['InvalidClientTokenId', 'ExpiredToken', 'AuthFailure', 'InvalidToken', 'AccessDenied']);
const JSON_CODES = new Set(['UnrecognizedClientException', 'ExpiredTokenException', 'AccessDeniedException']);
const PROTOCOL: Readonly<Record<keyof typeof RESTRICTED_OPERATIONS, 'query' | 'json'>> = { iam: 'query', sts: 'query', cloud9: 'json' };

/** The restricted service an operation likely belongs to, if its name and the error code agree on one. */
export function serviceOfOperation(operation: string, errorCode: string): string | undefined {
  const family = QUERY_CODES.has(errorCode) ? 'query' : JSON_CODES.has(errorCode) ? 'json' : undefined;
  if (!family) return undefined;
  const services = (Object.keys(RESTRICTED_OPERATIONS) as (keyof typeof RESTRICTED_OPERATIONS)[])
    .filter((s) => PROTOCOL[s] === family && RESTRICTED_OPERATIONS[s].includes(operation));
  return services.length === 1 ? services[0] : undefined;
}
