// The extension's words for "after AMTC" (SPEC §8): Cloud9's managedCredentialsStatus, turning AMTC
// off / on, and using the instance role. vscode.l10n.t, so the Japanese bundle translates them.
import * as vscode from 'vscode';
import type { ManagedStatusInfo } from '../core/amtc/managedStatus';
import type { UpdateProblem } from '../core/aws/cloud9Update';
import type { UseRoleRefusal } from '../core/amtc/useInstanceRole';
import type { MoveFailure, RestoreOutcome } from '../core/files/moveAside';

export function managedStatusText(s: ManagedStatusInfo): string {
  const byCollaborator = s.by === 'collaborator';
  switch (s.phase) {
    case 'enabled': return s.by === 'create' ? vscode.l10n.t('on (since the environment was created)') : vscode.l10n.t('on (turned on by the owner)');
    case 'disabled':
      if (s.by === 'default') return vscode.l10n.t('off (off by default for this environment)');
      return byCollaborator ? vscode.l10n.t('off (a collaborator changed the shared environment)') : vscode.l10n.t('off (turned off by the owner)');
    case 'pending': return byCollaborator ? vscode.l10n.t('being turned off because a collaborator changed the shared environment') : vscode.l10n.t('being turned off by the owner');
    case 'failed': return byCollaborator ? vscode.l10n.t('Cloud9 could not remove the managed credentials after a collaborator changed the environment; turn AMTC off again') : vscode.l10n.t('Cloud9 could not remove the managed credentials; turn AMTC off again');
    case 'unknown': return s.value ? vscode.l10n.t('unknown ({0})', s.value) : vscode.l10n.t('unknown');
  }
}

export function updateProblemText(p: UpdateProblem, code: string): string {
  switch (p) {
    case 'invalid-environment-id': return vscode.l10n.t('The Cloud9 environment id must be 8 to 32 letters or digits; nothing was changed.');
    case 'not-owner': return vscode.l10n.t("Only the environment's owner can turn AMTC off or on.");
    case 'not-found': return vscode.l10n.t('Cloud9 does not know this environment ({0}); nothing was changed.', code);
    case 'token-rejected': return vscode.l10n.t('Cloud9 rejected the credentials ({0}); nothing was changed.', code);
    case 'no-credentials': return vscode.l10n.t('There are no AWS credentials to sign the call with; nothing was changed.');
    case 'no-network': return vscode.l10n.t('Cloud9 could not be reached ({0}); check the network or the amtcGuard.cloud9Endpoint setting.', code);
    case 'other': return vscode.l10n.t('Cloud9 refused the call ({0}); nothing was changed.', code);
  }
}

export function useRoleRefusalText(p: UseRoleRefusal, file: string, detail: string | undefined): string {
  switch (p) {
    case 'no-file': return vscode.l10n.t('There is no {0}, so nothing hides the instance role.', file);
    case 'not-managed': return vscode.l10n.t("{0} is not Cloud9's managed file, so it stays where it is.", file);
    case 'unreadable': return vscode.l10n.t('{0} or the config file cannot be read ({1}); nothing was moved.', file, detail ?? '');
    case 'imds-settings': return vscode.l10n.t('The instance metadata settings are invalid ({0}), so the AWS CLI cannot reach the instance role either.', detail ?? '');
    case 'no-role': return vscode.l10n.t('No instance role answers on this host ({0}); nothing was moved. Attach an instance profile to the EC2 instance first.', detail ?? '');
  }
}

export function moveFailureText(f: MoveFailure, file: string): string {
  switch (f) {
    case 'changed': return vscode.l10n.t('Cloud9 wrote {0} while it was being moved, so it stays where it is; nothing was lost.', file);
    case 'missing': return vscode.l10n.t('{0} went away meanwhile; nothing was moved.', file);
    case 'locked': return vscode.l10n.t('Another AMTC Guard is writing {0}; try again in a moment.', file);
    case 'outside-home': return vscode.l10n.t('{0} is a link to a file outside your home directory; move the target yourself.', file);
    case 'io': return vscode.l10n.t('{0} could not be moved; nothing was lost.', file);
  }
}

export function restoreFailureText(f: Extract<RestoreOutcome, { ok: false }>['failure'], file: string, aside: string | undefined): string {
  switch (f) {
    case 'nothing-to-undo': return vscode.l10n.t('Nothing was moved aside from {0}.', file);
    case 'written-meanwhile': return vscode.l10n.t('Cloud9 has written a new {0} meanwhile, so the old one stays at {1}.', file, aside ?? '');
    case 'locked': return vscode.l10n.t('Another AMTC Guard is writing {0}; try again in a moment.', file);
    case 'io': return vscode.l10n.t('{0} could not be put back; it is still there.', aside ?? file);
  }
}

export function minutesLeftText(expiresAt: number | null, now: number): string {
  return expiresAt === null ? vscode.l10n.t('no expiry given') : vscode.l10n.t('{0} min left', Math.max(0, Math.floor((expiresAt - now) / 60_000)));
}
