// What AWS managed temporary credentials allow, as data. Source: AWS Cloud9 User Guide, "Actions
// supported by AWS managed temporary credentials" (SPEC §1). Updating it is a change to this file only.

/** Services where AMTC allows only the listed actions; every other service is fully allowed. */
export const RESTRICTED_SERVICES: Readonly<Record<string, readonly string[]>> = {
  cloud9: ['CreateEnvironmentEC2', 'CreateEnvironmentSSH', 'DescribeEnvironmentMemberships', 'DescribeEnvironments', 'DescribeEnvironmentStatus', 'UpdateEnvironment'],
  iam: [
    'AttachRolePolicy', 'ChangePassword', 'CreatePolicy', 'CreatePolicyVersion', 'CreateRole', 'CreateServiceLinkedRole',
    'DeletePolicy', 'DeletePolicyVersion', 'DeleteRole', 'DeleteRolePolicy', 'DeleteSSHPublicKey', 'DetachRolePolicy',
    'GetInstanceProfile', 'GetPolicy', 'GetPolicyVersion', 'GetRole', 'GetRolePolicy', 'GetSSHPublicKey', 'GetUser',
    'List*', 'PassRole', 'PutRolePolicy', 'SetDefaultPolicyVersion', 'UpdateAssumeRolePolicy', 'UpdateRoleDescription',
    'UpdateSSHPublicKey', 'UploadSSHPublicKey',
  ],
  sts: ['GetCallerIdentity', 'DecodeAuthorizationMessage'],
};

/** IAM role actions, allowed under AMTC only on roles named Cloud9-… (iam:PassRole excepted). */
export const ROLE_NAME_PREFIX = 'Cloud9-';

export const DOCS_URL = 'https://docs.aws.amazon.com/cloud9/latest/user-guide/security-iam.html#auth-and-access-control-temporary-managed-credentials-supported';

export type AllowDecision = 'allowed' | 'unsupported-action' | 'role-name';

/** Does AMTC allow this action (service:Operation) on this role (if any)? */
export function amtcAllows(service: string, operation: string, roleName?: string): AllowDecision {
  const allowed = RESTRICTED_SERVICES[service];
  if (!allowed) return 'allowed';
  const op = operation.toLowerCase();
  const listed = allowed.some((a) => (a.endsWith('*') ? op.startsWith(a.slice(0, -1).toLowerCase()) : a.toLowerCase() === op));
  if (!listed) return 'unsupported-action';
  if (service === 'iam' && operation !== 'PassRole' && isRoleAction(operation) && !(roleName ?? '').startsWith(ROLE_NAME_PREFIX)) {
    return 'role-name';
  }
  return 'allowed';
}

/** IAM operations that name a role (RoleName parameter), where the Cloud9- rule applies. */
export const IAM_ROLE_ACTIONS: ReadonlySet<string> = new Set([
  'AddRoleToInstanceProfile', 'AttachRolePolicy', 'CreateRole', 'DeleteRole', 'DeleteRolePermissionsBoundary',
  'DeleteRolePolicy', 'DeleteServiceLinkedRole', 'DetachRolePolicy', 'GetRole', 'GetRolePolicy',
  'ListAttachedRolePolicies', 'ListInstanceProfilesForRole', 'ListRolePolicies', 'ListRoleTags',
  'PutRolePermissionsBoundary', 'PutRolePolicy', 'RemoveRoleFromInstanceProfile', 'TagRole', 'UntagRole',
  'UpdateAssumeRolePolicy', 'UpdateRole', 'UpdateRoleDescription',
]);

export function isRoleAction(operation: string): boolean {
  return IAM_ROLE_ACTIONS.has(operation);
}
