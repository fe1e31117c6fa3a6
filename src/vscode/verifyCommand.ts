// "Verify profile": STS GetCallerIdentity with the SDK, loaded on first use.
import * as vscode from 'vscode';
import { loadSdk, verifyProfile, VerifyProblem } from '../core/aws/verify';
import type { CredentialStatus } from '../core/amtc/state';
import type { FilePaths } from '../core/credentials/resolve';
import type { Log } from './log';
import { notificationText } from '../core/text/plainText';

export async function verifyCommand(status: CredentialStatus | undefined, paths: FilePaths, endpoint: string, log: Log, profile?: string): Promise<boolean> {
  let name = profile;
  if (!name) {
    const items = (status?.profiles ?? []).filter((p) => p.source).map((p) => ({ label: p.name, description: [p.keyId, p.region].filter(Boolean).join(' · ') }));
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('AMTC Guard: Verify profile'), placeHolder: vscode.l10n.t('Calls STS GetCallerIdentity with the profile') });
    if (!pick) return false;
    name = pick.label;
  }
  const region = status?.profiles.find((p) => p.name === name)?.region ?? status?.amtc?.region ?? undefined;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verifying profile {0}…', name) }, () =>
    verifyProfile(loadSdk(__dirname), { profile: name, paths, region, endpoint: endpoint || undefined }));
  if (outcome.ok) {
    log.info(`verified ${name}: ${outcome.arn} (${outcome.keyId})`);
    const who = outcome.temporary && name === 'default'
      ? vscode.l10n.t('This is the managed (AMTC) identity of the Cloud9 IDE user.')
      : vscode.l10n.t('This is an identity of its own, not the managed credentials.');
    void vscode.window.showInformationMessage(vscode.l10n.t('AMTC Guard: profile {0} works as {1} (account {2}). {3}', name, notificationText(outcome.arn), notificationText(outcome.account), who));
    return true;
  }
  log.warn(`verify ${name} failed: ${outcome.code}`);
  void vscode.window.showErrorMessage(notificationText(`AMTC Guard: ${verifyProblemText(outcome.problem, name, outcome.code)}`));
  return false;
}

function verifyProblemText(p: VerifyProblem, profile: string, code: string): string {
  switch (p) {
    case 'profile-not-found': return vscode.l10n.t('Profile {0} has no usable credentials in either file.', profile);
    case 'invalid-key-id': return vscode.l10n.t('AWS does not recognise the access key id of {0} ({1}); check it in the IAM console.', profile, code);
    case 'wrong-secret': return vscode.l10n.t('The secret access key of {0} does not match its key id ({1}); add the profile again with the right secret.', profile, code);
    case 'expired': return vscode.l10n.t('The credentials of {0} have expired ({1}).', profile, code);
    case 'no-network': return vscode.l10n.t('STS could not be reached ({0}); check the network.', code);
    case 'other': return vscode.l10n.t('STS refused the call for {0} ({1}).', profile, code);
  }
}
