// Context keys for the `when` clauses in package.json (menus.commandPalette): a command that cannot
// act on the current credentials is not offered. Set on every status; each key is set only on change.
import * as vscode from 'vscode';
import { CredentialStatus, hasProblem } from '../core/amtc/state';
import { CONTEXT_KEYS, ContextKey } from './ids';

export function contextValues(s: CredentialStatus, terminalProfile: string | undefined): Record<ContextKey, boolean> {
  const withSource = s.profiles.filter((p) => p.source);
  return {
    fileModified: hasProblem(s, 'file-modified'),
    insecurePermissions: hasProblem(s, 'insecure-permissions'),
    hasProfiles: withSource.length > 0,
    hasOtherProfiles: withSource.some((p) => p.name !== 'default'),
    terminalProfile: terminalProfile !== undefined,
    hasFiles: s.profileCount > 0 || s.amtc !== null || s.problems.length > 0,
    ssoSource: s.source.kind === 'sso' && s.source.signInProfile !== null,
    sourceAtLine: s.source.file !== null && s.source.line !== null && s.source.detail !== 'amtc',
  };
}

export class ContextKeys {
  private readonly last = new Map<ContextKey, boolean>();

  update(s: CredentialStatus, terminalProfile: string | undefined): void {
    const values = contextValues(s, terminalProfile);
    for (const key of CONTEXT_KEYS) {
      if (this.last.get(key) === values[key]) continue;
      this.last.set(key, values[key]);
      void vscode.commands.executeCommand('setContext', `amtcGuard.${key}`, values[key]);
    }
  }
}
