// "Repair managed credentials file": confirm, resolve clashes by asking, move the user's sections to
// the config file, then watch for Cloud9's next refresh to confirm it resumed.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { planRepair, Prefer } from '../core/profiles/repair';
import { repairFiles } from '../core/profiles/repairFiles';
import { readStable } from '../core/files/read';
import type { CredentialService } from './credentialService';
import type { Log } from './log';
import { cannotAct } from './cannotAct';
import { backupDir } from '../core/files/safeWrite';

const CONFIRM_WAIT_MS = 6 * 60_000;

export async function repairCommand(service: CredentialService, log: Log): Promise<boolean> {
  const { paths, home } = service.files();
  const [creds, config] = await Promise.all([readStable(paths.credentialsFile), readStable(paths.configFile)]);
  const plan = creds.text === undefined ? 'not-managed' : planRepair(creds.text, config.text ?? '');
  if (typeof plan === 'string') {
    const why = plan === 'cli-cannot-parse'
      ? vscode.l10n.t('the AWS CLI cannot parse one of the files; fix it by hand first')
      : plan === 'not-managed' ? vscode.l10n.t('the credentials file is not managed by Cloud9') : vscode.l10n.t('the managed file holds only what Cloud9 wrote');
    cannotAct(vscode.l10n.t('Nothing to repair: {0}.', why));
    return false;
  }
  let prefer: Prefer | undefined;
  if (plan.clashes.length) {
    const keepCreds = { label: vscode.l10n.t('Keep the values from the credentials file'), prefer: 'credentials' as Prefer };
    const keepConfig = { label: vscode.l10n.t('Keep the values already in the config file'), prefer: 'config' as Prefer };
    const clashList = plan.clashes.map((c) => `${c.profile}.${c.key}`).join(', ');
    const pick = await vscode.window.showQuickPick([keepCreds, keepConfig], { title: vscode.l10n.t('Repair managed credentials file'), placeHolder: vscode.l10n.t('These keys differ between the two files: {0}', clashList) });
    if (!pick) return false;
    prefer = pick.prefer;
  }
  const go = vscode.l10n.t('Repair');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Move {0} from the managed credentials file to {1}? Cloud9\'s own lines stay as they are, and both files are backed up first.', plan.moves.join(', '), paths.configFile),
    { modal: true },
    go,
  );
  if (answer !== go) return false;
  const started = Date.now();
  const outcome = await repairFiles(paths, home, prefer);
  if (!outcome.ok) {
    log.warn(`repair failed: ${outcome.problem}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The repair did not complete ({0}); nothing was lost, and the backups are in {1}.', outcome.problem, backupDir(paths.credentialsFile)));
    return false;
  }
  log.info(`repaired: moved ${outcome.moved.join(', ')}; backups ${outcome.backups.join(', ')}`);
  await service.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Moved {0} to the config file (backups in {1}). Cloud9 resumes at its next refresh; if the Cloud9 IDE asked whether to update the credentials, reload it.', outcome.moved.join(', '), backupFolders(outcome.backups)));
  watchForRefresh(service, started);
  return true;
}

/** Says so when Cloud9 writes the managed file again (or gives up quietly after six minutes). */
function watchForRefresh(service: CredentialService, since: number): void {
  const sub = service.onDidChange((s) => {
    if (s.state === 'managed' && s.amtc && s.amtc.refreshedAt > since + 1000) {
      done();
      void vscode.window.showInformationMessage(vscode.l10n.t('Cloud9 refreshed the managed credentials again.'));
    }
  });
  const timer = setTimeout(() => done(), CONFIRM_WAIT_MS);
  function done(): void {
    clearTimeout(timer);
    sub.dispose();
  }
}

/** The folders the backups went to (one per file's folder), for the toast. */
function backupFolders(backups: string[]): string {
  return [...new Set(backups.map((b) => path.dirname(b)))].join(', ');
}
