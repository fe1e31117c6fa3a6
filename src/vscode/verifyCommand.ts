// "Verify profile": STS GetCallerIdentity with the SDK, loaded on first use.
import * as vscode from 'vscode';
import { loadSdk, verifyProfile, VerifyProblem } from '../core/aws/verify';
import type { CredentialStatus } from '../core/amtc/state';
import type { FilePaths } from '../core/credentials/resolve';
import { COMMAND, SETTINGS_SECTION } from './ids';
import type { Log } from './log';
import { notificationText } from '../core/text/plainText';
import { cannotAct } from './cannotAct';
import type { VerifyMemory } from './verifyMemory';

/** `memory` keeps the result for the status item's tooltip. */
export async function verifyCommand(status: CredentialStatus | undefined, paths: FilePaths, endpoint: string, log: Log, profile?: string, memory?: VerifyMemory): Promise<boolean> {
  let name = profile;
  if (!name) {
    const items = (status?.profiles ?? []).filter((p) => p.source).map((p) => ({ label: p.name, description: [p.keyId, p.region].filter(Boolean).join(' · ') }));
    if (!items.length) {
      cannotAct(vscode.l10n.t('There is no profile with credentials to verify yet; add one first.'), { label: vscode.l10n.t('Add fallback profile'), command: COMMAND.addFallbackProfile });
      return false;
    }
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Verify profile'), placeHolder: vscode.l10n.t('Calls STS GetCallerIdentity with the profile') });
    if (!pick) return false;
    name = pick.label;
  }
  const region = status?.profiles.find((p) => p.name === name)?.region ?? status?.amtc?.region ?? undefined;
  // A call of about a second: its progress is in the status bar, and the result is the one notification
  // (a progress toast beside the result toast was two toasts for one action, and the first lingered).
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Verifying profile {0}…', name) }, () =>
    verifyProfile(loadSdk(__dirname), { profile: name, paths, region, endpoint: endpoint || undefined }));
  const keysTag = status?.profiles.find((p) => p.name === name)?.keysTag ?? null;
  memory?.record({ profile: name, at: Date.now(), arn: outcome.ok ? outcome.arn : null, problem: outcome.ok ? null : outcome.problem, keysTag });
  if (outcome.ok) {
    log.info(`verified ${name}: ${outcome.arn} (${outcome.keyId})`);
    const who = outcome.temporary && name === 'default'
      ? vscode.l10n.t('This is the managed (AMTC) identity of the Cloud9 IDE user.')
      : vscode.l10n.t('This is an identity of its own, not the managed credentials.');
    void vscode.window.showInformationMessage(vscode.l10n.t('Profile {0} works as {1} (account {2}). {3}', name, notificationText(outcome.arn), notificationText(outcome.account), who));
    return true;
  }
  log.warn(`verify ${name} failed at ${outcome.endpoint}: ${outcome.code}`);
  // Where the endpoint may be the cause, the message names it and the button opens its setting.
  const endpointMatters = outcome.problem === 'no-network' || outcome.problem === 'other';
  const open = vscode.l10n.t('Open Setting');
  void vscode.window.showErrorMessage(notificationText(verifyProblemText(outcome.problem, name, outcome.code, outcome.endpoint)), ...(endpointMatters ? [open] : [])).then((answer) =>
    answer === open && vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.stsEndpoint`));
  return false;
}

function verifyProblemText(p: VerifyProblem, profile: string, code: string, endpoint: string): string {
  switch (p) {
    case 'profile-not-found': return vscode.l10n.t('Profile {0} has no usable credentials in either file.', profile);
    case 'invalid-key-id': return vscode.l10n.t('AWS does not recognise the access key id of {0} ({1}); check it in the IAM console.', profile, code);
    case 'wrong-secret': return vscode.l10n.t('The secret access key of {0} does not match its key id ({1}); add the profile again with the right secret.', profile, code);
    case 'expired': return vscode.l10n.t('The credentials of {0} have expired ({1}).', profile, code);
    case 'no-network': return vscode.l10n.t('STS at {0} could not be reached ({1}); check the network or the STS endpoint setting.', endpoint, code);
    case 'other': return vscode.l10n.t('STS at {0} refused the call for {1} ({2}).', endpoint, profile, code);
  }
}
