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
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];

export const SETTINGS_SECTION = 'amtcGuard';

/** Setting keys (without the section) and the type each one holds. */
export interface SettingTypes {
  credentialsFile: string;
  configFile: string;
  credentialLifetimeMinutes: number;
  showWhenUnmanaged: boolean;
  stsEndpoint: string;
  cloud9Endpoint: string;
}

export type SettingKey = keyof SettingTypes;

export const SETTING_KEYS: readonly SettingKey[] = ['credentialsFile', 'configFile', 'credentialLifetimeMinutes', 'showWhenUnmanaged', 'stsEndpoint', 'cloud9Endpoint'];

export const STATUS_ITEM_ID = 'amtcGuard.status';
