// The one table of command ids and setting keys; test/unit/manifest.test.ts checks it against
// package.json, and the types make a typo fail to compile.

export const COMMAND = {
  addFallbackProfile: 'amtcGuard.addFallbackProfile',
  showStatus: 'amtcGuard.showStatus',
  explainError: 'amtcGuard.explainError',
  verifyProfile: 'amtcGuard.verifyProfile',
  repairCredentialsFile: 'amtcGuard.repairCredentialsFile',
  useProfileInTerminals: 'amtcGuard.useProfileInTerminals',
  openCredentialsFiles: 'amtcGuard.openCredentialsFiles',
  showActions: 'amtcGuard.showActions',
  restrictPermissions: 'amtcGuard.restrictPermissions',
  showMutedDenials: 'amtcGuard.showMutedDenials',
  useInstanceRole: 'amtcGuard.useInstanceRole',
  undoUseInstanceRole: 'amtcGuard.undoUseInstanceRole',
  turnAmtcOff: 'amtcGuard.turnAmtcOff',
  turnAmtcOn: 'amtcGuard.turnAmtcOn',
  signInAgain: 'amtcGuard.signInAgain',
  openSourceLine: 'amtcGuard.openSourceLine',
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];

export const SETTINGS_SECTION = 'amtcGuard';

/** Setting keys (without the section) and the type each one holds. */
export interface SettingTypes {
  statusBarItem: 'auto' | 'always' | 'never';
  notifications: boolean;
  preflight: boolean;
  credentialsFile: string;
  configFile: string;
  credentialLifetimeMinutes: number;
  /** Deprecated: read only to migrate to statusBarItem (config.ts). */
  showWhenUnmanaged: boolean;
  stsEndpoint: string;
  cloud9Endpoint: string;
  awsCliPath: string;
}

export type SettingKey = keyof SettingTypes;

export const SETTING_KEYS: readonly SettingKey[] = ['statusBarItem', 'notifications', 'preflight', 'credentialsFile', 'configFile', 'credentialLifetimeMinutes', 'showWhenUnmanaged', 'stsEndpoint', 'cloud9Endpoint', 'awsCliPath'];

export const STATUS_ITEM_ID = 'amtcGuard.status';

/** Context keys (`amtcGuard.<key>`) the `when` clauses in package.json use; contextKeys.ts sets them. */
export const CONTEXT_KEYS = ['fileModified', 'insecurePermissions', 'hasProfiles', 'hasOtherProfiles', 'terminalProfile', 'hasFiles', 'ssoSource', 'sourceAtLine'] as const;

export type ContextKey = (typeof CONTEXT_KEYS)[number];
