// "Use the instance role": when an instance role answers on IMDS, move Cloud9's managed file aside
// (after one modal that says what moves where) so the AWS CLI reaches the role; Verify and Undo follow.
import * as path from 'node:path';
import { backupDir } from '../core/files/safeWrite';
import * as vscode from 'vscode';
import { planUseInstanceRole, undoUseInstanceRole, useInstanceRole } from '../core/amtc/useInstanceRole';
import { COMMAND } from './ids';
import { minutesLeftText, moveFailureText, restoreFailureText, useRoleRefusalText } from './afterAmtcText';
import type { CredentialService } from './credentialService';
import type { Log } from './log';
import { setting } from './config';

export async function useInstanceRoleCommand(service: CredentialService, log: Log): Promise<boolean> {
  const { paths, home } = service.files();
  const lifetimeMs = Math.max(0.1, setting('credentialLifetimeMinutes') || 15) * 60_000;
  const check = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking the instance metadata service for an instance role…') }, () =>
    planUseInstanceRole({ env: service.environment(), paths, now: Date.now(), lifetimeMs }));
  if (!check.ok) {
    log.info(`use instance role refused: ${check.problem}${check.detail ? ` (${check.detail})` : ''}`);
    void vscode.window.showWarningMessage(useRoleRefusalText(check.problem, paths.credentialsFile, check.detail));
    return false;
  }
  const { plan } = check;
  const role = plan.role;
  const left = minutesLeftText(role.expiresAt, Date.now());
  const go = vscode.l10n.t('Use the instance role');
  if (plan.shape === 'modified') {
    const anyway = vscode.l10n.t('Move the whole file');
    const repair = vscode.l10n.t('Repair first');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} holds more than Cloud9 wrote; your own sections would move aside too.', plan.file),
      { modal: true, detail: vscode.l10n.t('Repair moves your sections to the config file first; then the file can be moved aside alone.') },
      repair,
      anyway,
    );
    if (pick === repair) await vscode.commands.executeCommand(COMMAND.repairCredentialsFile);
    if (pick !== anyway) return false;
  }
  const detail = [
    vscode.l10n.t('It becomes {0} in {1} (mode 0600), and Undo puts it back.', `${path.basename(plan.file)}.moved-…`, backupDir(plan.file)),
    vscode.l10n.t('The AWS CLI then uses the instance role {0} ({1}, {2}).', role.roleName, role.accessKeyId, left),
    plan.behind ? vscode.l10n.t('[default] in the config file has {0}, which the AWS CLI uses before the instance role.', plan.behind) : '',
    plan.keysLive ? vscode.l10n.t('AMTC is still on: Cloud9 writes the file again within minutes unless you turn AMTC off.') : vscode.l10n.t('Cloud9 recreates the file if AMTC is turned on again.'),
  ].filter(Boolean).join('\n');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t("Move Cloud9's managed credentials file {0} aside?", plan.file), { modal: true, detail }, go);
  if (answer !== go) return false;
  const moved = await useInstanceRole(plan, home);
  if (!moved.ok) {
    log.warn(`use instance role: ${moved.failure}`);
    void vscode.window.showErrorMessage(moveFailureText(moved.failure, moved.target));
    await service.refresh();
    return false;
  }
  log.info(`moved ${moved.target} to ${moved.aside}; instance role ${role.roleName} (${role.accessKeyId})`);
  await service.refresh();
  const verify = vscode.l10n.t('Verify');
  const undo = vscode.l10n.t('Undo');
  void vscode.window.showInformationMessage(vscode.l10n.t('Moved {0} aside; the AWS CLI now uses the instance role {1} ({2}).', moved.target, role.roleName, left), verify, undo).then((b) => {
    if (b === verify) void vscode.commands.executeCommand(COMMAND.verifyProfile, 'default');
    else if (b === undo) void vscode.commands.executeCommand(COMMAND.undoUseInstanceRole);
  });
  return true;
}

export async function undoUseInstanceRoleCommand(service: CredentialService, log: Log): Promise<boolean> {
  const { paths } = service.files();
  const r = await undoUseInstanceRole(paths);
  await service.refresh();
  if (!r.ok) {
    void vscode.window.showWarningMessage(restoreFailureText(r.failure, r.target, r.aside));
    return false;
  }
  log.info(`put ${r.aside} back as ${r.target}`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Put {0} back, byte for byte; the AWS CLI uses its keys again.', r.target));
  return true;
}
