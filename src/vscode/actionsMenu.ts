// "AMTC Guard actions…": a quick pick of what helps now (the problems' fixes first), then the
// everyday commands.
import * as vscode from 'vscode';
import { CredentialStatus, hasProblem } from '../core/amtc/state';
import { cloud9EnvironmentId } from '../core/aws/cloud9Call';
import { sourceAttention, sourceEndsAt } from '../core/credentials/attention';
import { COMMAND, CommandId } from './ids';
import { attentionText } from './sourceWords';
import { stateLabel } from './statusText';

interface ActionItem extends vscode.QuickPickItem {
  command: CommandId;
}

export async function showActions(s: CredentialStatus | undefined, cloud9Says: string | undefined): Promise<void> {
  const items: ActionItem[] = [];
  if (hasProblem(s, 'insecure-permissions')) {
    items.push({ label: `$(lock) ${vscode.l10n.t('Restrict credential file permissions (chmod 600)')}`, detail: vscode.l10n.t('Other users on this machine can read your keys.'), command: COMMAND.restrictPermissions });
  }
  if (hasProblem(s, 'file-modified')) {
    items.push({ label: `$(tools) ${vscode.l10n.t('Repair managed credentials file')}`, detail: vscode.l10n.t('Move your sections to the config file so Cloud9 can refresh again.'), command: COMMAND.repairCredentialsFile });
  }
  if (s?.source.kind === 'sso' && s.source.signInProfile && sourceAttention(s.source, Date.now())) {
    items.push({ label: `$(sign-in) ${vscode.l10n.t('Sign in again')}`, detail: attentionText(s.source, Date.now(), sourceEndsAt(s.source)), command: COMMAND.signInAgain });
  }
  items.push(...afterAmtcActions(s, cloud9Says));
  items.push(
    { label: `$(add) ${vscode.l10n.t('Add fallback profile')}`, detail: vscode.l10n.t('An IAM user profile in ~/.aws/config, for what AMTC does not allow.'), command: COMMAND.addFallbackProfile },
    { label: `$(pass) ${vscode.l10n.t('Verify profile')}`, command: COMMAND.verifyProfile },
    { label: `$(terminal) ${vscode.l10n.t('Use profile in terminals')}`, command: COMMAND.useProfileInTerminals },
    { label: `$(info) ${vscode.l10n.t('Show credential status')}`, command: COMMAND.showStatus },
    { label: `$(go-to-file) ${vscode.l10n.t('Open AWS credentials and config files')}`, command: COMMAND.openCredentialsFiles },
  );
  const pick = await vscode.window.showQuickPick(items, { title: 'AMTC Guard', placeHolder: s ? stateLabel(s.state) : undefined });
  if (pick) await vscode.commands.executeCommand(pick.command);
}

/** On a Cloud9 host: Use the instance role when the managed keys are dead, and Turn AMTC off or on. */
function afterAmtcActions(s: CredentialStatus | undefined, cloud9Says: string | undefined): ActionItem[] {
  const items: ActionItem[] = [];
  if (hasProblem(s, 'stale-managed-keys') || (s?.amtc && s.state === 'expired')) {
    items.push({ label: `$(server) ${vscode.l10n.t('Use the instance role')}`, detail: vscode.l10n.t("Move Cloud9's dead managed file aside so the AWS CLI reaches the instance role."), command: COMMAND.useInstanceRole });
  }
  if (!cloud9EnvironmentId(process.env)) return items;
  const on = cloud9Says ? cloud9Says.startsWith('ENABLED_') : !!s?.amtc && s.state !== 'expired';
  items.push(on
    ? { label: `$(debug-disconnect) ${vscode.l10n.t('Turn AMTC off')}`, detail: vscode.l10n.t('cloud9:UpdateEnvironment, owner only; Cloud9 stops writing the managed file.'), command: COMMAND.turnAmtcOff }
    : { label: `$(plug) ${vscode.l10n.t('Turn AMTC on')}`, detail: vscode.l10n.t('cloud9:UpdateEnvironment, owner only; Cloud9 writes the managed file again.'), command: COMMAND.turnAmtcOn });
  return items;
}
