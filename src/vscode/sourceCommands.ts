// The credential chain's own actions: Sign in again (an SSO session that ended or ends soon) and
// Open the setting that chooses the credentials, at its line.
import * as vscode from 'vscode';
import type { CredentialStatus } from '../core/amtc/state';
import { setting } from './config';
import { cannotAct } from './cannotAct';
import type { Log } from './log';

/**
 * `aws sso login --profile P` in a visible terminal. The program runs without a shell, so a profile
 * name from the config file is one argument, never shell text. The monitor watches the SSO token
 * cache, so the new token shows as soon as the CLI writes it.
 */
export function signInAgain(s: CredentialStatus | undefined, log: Log, profile?: string): void {
  const name = profile ?? (s?.source.kind === 'sso' ? s.source.signInProfile : null);
  if (!name) {
    cannotAct(vscode.l10n.t('The AWS CLI does not use an IAM Identity Center (SSO) profile now, so there is nothing to sign in to.'));
    return;
  }
  const cli = setting('awsCliPath') || 'aws';
  log.info(`sign in again: ${cli} sso login --profile ${name}`);
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('AWS sign-in ({0})', name), shellPath: cli, shellArgs: ['sso', 'login', '--profile', name] });
  terminal.show();
}

/** Opens the file whose line decides the source (a profile's setting), with the line selected. */
export async function openSourceLine(s: CredentialStatus | undefined, openManaged: () => Promise<void>, log: Log): Promise<void> {
  const src = s?.source;
  if (!s || !src?.file || src.line === null) {
    cannotAct(vscode.l10n.t('No line in the AWS files chooses the credentials now (they come from the environment or the instance).'));
    return;
  }
  // Cloud9's managed file opens only read-only, through the guard (secrets blurred).
  if (src.file === 'credentials' && s.amtc) return openManaged();
  const file = src.file === 'config' ? s.configFile : s.credentialsFile;
  const line = new vscode.Position(src.line, 0);
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, line), preview: false });
  } catch (e) {
    log.info(`not opening ${file}: ${e instanceof Error ? e.message : String(e)}`);
    cannotAct(vscode.l10n.t('{0} cannot be opened; it may have been moved or deleted.', file));
  }
}
