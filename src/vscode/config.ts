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

/**
 * `statusBarItem`, or what the deprecated `showWhenUnmanaged` meant when only that one was set:
 * `true` (show it also for your own credentials) is `always`; `false` is what `auto` does anyway.
 */
export function itemVisibility(): SettingTypes['statusBarItem'] {
  const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const mode = cfg.inspect<SettingTypes['statusBarItem']>('statusBarItem');
  const chosen = mode?.workspaceFolderValue ?? mode?.workspaceValue ?? mode?.globalValue;
  if (chosen) return chosen;
  const old = cfg.inspect<boolean>('showWhenUnmanaged');
  const legacy = old?.workspaceFolderValue ?? old?.workspaceValue ?? old?.globalValue;
  return legacy === true ? 'always' : 'auto';
}

/** Fires when one of our settings changes (for pieces that do not listen to the status alone). */
export function onSettingChange(key: SettingKey, listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SETTINGS_SECTION}.${key}`)) listener();
  });
}
