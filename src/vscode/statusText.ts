// The words the extension shows for a credential status, in one place (vscode.l10n.t, so the
// Japanese bundle can translate them). Pure apart from l10n: no UI objects are created here.
import * as vscode from 'vscode';
import type { CredentialState, CredentialStatus, Problem } from '../core/amtc/state';
import { minutesLeft, wholeMinutesFrom } from '../core/amtc/statusTimes';
import { chainKindLabel } from './sourceWords';

export function stateSentence(s: CredentialStatus, now: number): string {
  const sentences: Record<CredentialState, () => string> = {
    managed: () => vscode.l10n.t("Cloud9's managed temporary credentials (AMTC) are in use and expire in {0} min unless Cloud9 refreshes them.", minutesLeft(s.amtc!.expiresAt, now)),
    modified: () => vscode.l10n.t('The managed credentials file was edited, so Cloud9 no longer refreshes it; AWS calls start failing when the current credentials expire.'),
    expired: () => vscode.l10n.t('The managed credentials expired because Cloud9 stopped refreshing them (IDE closed, file modified or AMTC turned off); AWS calls with them fail.'),
    overridden: () =>
      s.profileFrom === 'env-keys'
        ? vscode.l10n.t('Terminals use the AWS profile "{0}", not the managed credentials.', 'AWS_ACCESS_KEY_ID')
        : vscode.l10n.t('New terminals use the AWS profile "{0}", not the managed credentials; a terminal opened before the profile was set keeps its old environment until it is relaunched.', s.activeProfile),
    missing: () => s.source.kind
      ? vscode.l10n.t('There are no credentials in the AWS files; the AWS CLI uses the {0}.', chainKindLabel(s.source.kind))
      : vscode.l10n.t('No default AWS credentials are configured; the AWS CLI will fall back to the instance metadata service (an instance role), if there is one.'),
    unmanaged: () => vscode.l10n.t('The default AWS credentials are your own, not Cloud9-managed.'),
  };
  return sentences[s.state]();
}

export function fileLabel(file: 'config' | 'credentials'): string {
  return file === 'config' ? vscode.l10n.t('config file') : vscode.l10n.t('credentials file');
}

export function problemText(p: Problem): string {
  const file = fileLabel(p.file ?? 'credentials');
  switch (p.code) {
    case 'file-modified': return vscode.l10n.t('The {0} is not as Cloud9 wrote it.', file);
    case 'refresh-overdue': return vscode.l10n.t('Cloud9 did not refresh the credentials when it said it would; is the Cloud9 IDE closed?');
    case 'cli-cannot-parse': return vscode.l10n.t('The AWS CLI cannot parse the {0} ({1}, line {2}); every aws command fails until it is fixed.', file, p.detail ?? '', (p.line ?? 0) + 1);
    case 'profile-not-found': return vscode.l10n.t('The profile "{0}" is not defined in either file.', p.detail ?? '');
    case 'insecure-permissions': return vscode.l10n.t('The {0} is readable by other users (mode {1}).', file, p.detail ?? '');
    case 'file-unreadable': return vscode.l10n.t('The {0} cannot be read ({1}).', file, p.detail ?? '');
    case 'awaiting-refresh': return vscode.l10n.t("The managed file was saved after Cloud9's last write, which does not renew the credentials; waiting for Cloud9's next refresh (keep the Cloud9 IDE open).");
    case 'stale-managed-keys': return p.detail === 'iam-role'
      ? vscode.l10n.t("Cloud9's managed keys are dead, but the AWS CLI still uses them and never reaches the instance role behind them. Use the instance role moves the file aside (Undo puts it back).")
      : vscode.l10n.t("Cloud9's managed keys are dead, but the AWS CLI still uses them instead of the {0} source in the config file. Use the instance role moves the file aside (Undo puts it back).", p.detail ?? '');
  }
}

export function sourceText(s: CredentialStatus): string {
  if (s.profileFrom === 'env-keys') return vscode.l10n.t('environment variables (AWS_ACCESS_KEY_ID)');
  if (s.profileFrom === 'default') return s.activeProfile;
  return vscode.l10n.t('{0} (set by {1})', s.activeProfile, s.profileFrom);
}

export function relativeMinutes(at: number, now: number): string {
  const m = wholeMinutesFrom(now, at);
  if (m === 0) return vscode.l10n.t('now');
  return m > 0 ? vscode.l10n.t('in {0} min', m) : vscode.l10n.t('{0} min ago', -m);
}

/** A state in words, where the report or a picker names it (never the internal id). */
export function stateLabel(state: CredentialState): string {
  const labels: Record<CredentialState, () => string> = {
    managed: () => vscode.l10n.t('managed credentials (AMTC) in use'),
    modified: () => vscode.l10n.t('managed file edited, no longer refreshed'),
    expired: () => vscode.l10n.t('managed credentials expired'),
    overridden: () => vscode.l10n.t('another profile in use'),
    missing: () => vscode.l10n.t('no credentials'),
    unmanaged: () => vscode.l10n.t('your own credentials'),
  };
  return labels[state]();
}
