// Typed settings, read in one place. Paths that point at other credential files are honoured only
// from user settings in an untrusted workspace (package.json declares them restricted too).
import * as vscode from 'vscode';
import { SETTINGS_SECTION, SettingKey, SettingTypes } from './ids';

export function setting<K extends SettingKey>(key: K): SettingTypes[K] {
  const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  if ((key === 'credentialsFile' || key === 'configFile' || key === 'stsEndpoint' || key === 'cloud9Endpoint') && !vscode.workspace.isTrusted) {
    const inspected = cfg.inspect<SettingTypes[K]>(key);
    return (inspected?.globalValue ?? inspected?.defaultValue) as SettingTypes[K];
  }
  return cfg.get<SettingTypes[K]>(key) as SettingTypes[K];
}

export function affectsSettings(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SETTINGS_SECTION);
}
