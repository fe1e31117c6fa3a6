// "Turn AMTC off / on" on a Cloud9 host: a modal that says what happens to the file, one signed
// cloud9:UpdateEnvironment, then Cloud9's status followed (with progress) until it settles.
import * as vscode from 'vscode';
import type { ManagedCredentialsAction } from '../core/amtc/managedStatus';
import { cloud9EnvironmentId } from '../core/aws/cloud9Call';
import { setManagedCredentials } from '../core/aws/cloud9Update';
import { loadSdk } from '../core/aws/verify';
import { planUseInstanceRole } from '../core/amtc/useInstanceRole';
import { managedStatusText, updateProblemText } from './afterAmtcText';
import type { Cloud9ApiStatus } from './cloud9ApiStatus';
import { setting } from './config';
import type { CredentialService } from './credentialService';
import { COMMAND } from './ids';
import type { Log } from './log';

export async function amtcToggleCommand(service: CredentialService, cloud9: Cloud9ApiStatus, log: Log, action: ManagedCredentialsAction): Promise<boolean> {
  const environmentId = cloud9EnvironmentId(process.env);
  if (!environmentId) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This is not a Cloud9 environment as far as AMTC Guard can tell (neither C9_PID nor CLOUD9_ENVIRONMENT_ID is set).'));
    return false;
  }
  const { paths } = service.files();
  const off = action === 'DISABLE';
  const go = off ? vscode.l10n.t('Turn AMTC off') : vscode.l10n.t('Turn AMTC on');
  const detail = off
    ? vscode.l10n.t('Cloud9 stops writing {0}. The file may stay behind with dead keys that hide the instance role from the AWS CLI; AMTC Guard then offers to move it aside.', paths.credentialsFile)
    : vscode.l10n.t('Cloud9 writes {0} again while the owner has the Cloud9 IDE open, and its keys then win over the instance role.', paths.credentialsFile);
  const answer = await vscode.window.showWarningMessage(off ? vscode.l10n.t('Turn AWS managed temporary credentials off for this environment?') : vscode.l10n.t('Turn AWS managed temporary credentials on for this environment?'), { modal: true, detail }, go);
  if (answer !== go) return false;
  const s = service.current;
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: off ? vscode.l10n.t('Turning AMTC off…') : vscode.l10n.t('Turning AMTC on…') }, (progress) =>
    setManagedCredentials(loadSdk(__dirname), {
      environmentId,
      action,
      region: s?.amtc?.region ?? s?.profiles.find((p) => p.name === 'default')?.region ?? 'us-east-1',
      paths,
      endpoint: setting('cloud9Endpoint') || undefined,
      onStatus: (st) => {
        progress.report({ message: managedStatusText(st) });
        if (st.value) cloud9.report(st.value);
      },
    }));
  if (!outcome.ok) {
    log.warn(`UpdateEnvironment ${action}: ${outcome.code}`);
    void vscode.window.showErrorMessage(updateProblemText(outcome.problem, outcome.code));
    return false;
  }
  log.info(`UpdateEnvironment ${action} accepted; status ${outcome.status.value ?? 'unknown'}${outcome.followCode ? ` (then ${outcome.followCode})` : ''}`);
  const said = outcome.followCode
    ? vscode.l10n.t('Cloud9 accepted the change; its status could not be read afterwards ({0}).', outcome.followCode)
    : outcome.settled ? vscode.l10n.t('Cloud9 says AMTC is now {0}.', managedStatusText(outcome.status)) : vscode.l10n.t('Cloud9 accepted the change and still says {0}; the status bar follows it.', managedStatusText(outcome.status));
  await service.refresh();
  // After DISABLE the dead file may stay: offer to move it aside, but only when an instance role answers.
  const useRole = vscode.l10n.t('Use the instance role');
  const offer = off && service.current?.amtc ? (await planUseInstanceRole({ env: service.environment(), paths, now: Date.now(), lifetimeMs: 15 * 60_000 })).ok : false;
  const pick = await vscode.window.showInformationMessage(said, ...(offer ? [useRole] : []));
  if (pick === useRole) await vscode.commands.executeCommand(COMMAND.useInstanceRole);
  return true;
}
