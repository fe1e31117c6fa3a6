// The words of a denial notification: what happened and the way out for that reason, and, for a
// terminal that kept an older environment, that it still uses the managed credentials.
import * as vscode from 'vscode';
import type { Verdict } from '../core/amtc/verdict';
import { ROLE_NAME_PREFIX } from '../core/amtc/allowList';
import { verdictSentence } from './verdictText';
import type { TerminalEnvironment } from './terminalEnvironments';

/** The way out, different for each reason (with the profile "Run with profile" would use, when there is one). */
export function wayOut(v: Verdict, fallbackProfile?: string): string {
  switch (v.reason) {
    case 'unsupported-action':
    case 'role-name':
      return fallbackProfile
        ? vscode.l10n.t('Run it with profile {0}, which has your own keys.', fallbackProfile)
        : vscode.l10n.t('Run it with a profile that has your own keys, or add one as a fallback profile.');
    case 'expired':
      return vscode.l10n.t('Open the Cloud9 IDE and keep it open so Cloud9 refreshes them, or run the command with a profile of your own.');
    case 'token-rejected':
      return vscode.l10n.t('Run the command from the environment itself (its own IP address); if a collaborator invalidated the credentials, the owner reopens the environment; or use a profile of your own.');
    case 'source-fails':
      return v.source?.kind === 'sso' ? vscode.l10n.t('Sign in again, then run the command again.') : '';
    default:
      return '';
  }
}

export function denialMessage(v: Verdict, environment: TerminalEnvironment | undefined, fallbackProfile?: string): string {
  const parts = [causeSentence(v), wayOut(v, fallbackProfile)];
  if (v.evidence === 'exit-code-no-error') parts.push(vscode.l10n.t('(Judged from the exit code and the command line: the output had no AWS error message in it.)'));
  if (v.evidence === 'exit-code') parts.push(vscode.l10n.t('(Judged from the exit code and the command line: the terminal did not pass on the output.)'));
  if (environment?.unknown.length && v.amtc) parts.push(vscode.l10n.t('(An earlier command in this terminal changed {0} in a way AMTC Guard cannot follow; this assumes it is not set.)', environment.unknown.join(', ')));
  if (environment?.stale && v.amtc) parts.push(vscode.l10n.t('This terminal still uses the managed credentials because it was opened before its AWS profile changed; relaunch it.'));
  return parts.filter(Boolean).join(' ');
}

/** The cause alone (verdictSentence also carries the advice for the action reasons). */
function causeSentence(v: Verdict): string {
  const action = v.action ?? vscode.l10n.t('this action');
  switch (v.reason) {
    case 'unsupported-action':
      return vscode.l10n.t('AMTC does not allow {0}.', action);
    case 'role-name':
      return v.roleName
        ? vscode.l10n.t('AMTC allows {0} only on roles named {1}…, not on "{2}".', action, ROLE_NAME_PREFIX, v.roleName)
        : vscode.l10n.t('AMTC allows {0} only on roles named {1}….', action, ROLE_NAME_PREFIX);
    case 'expired':
      return vscode.l10n.t('The managed credentials expired because Cloud9 stopped refreshing them.');
    case 'token-rejected':
      return vscode.l10n.t('AMTC rejected the token.');
    default:
      return verdictSentence(v);
  }
}
