// The second bundle (dist/commands.js): the handlers of the commands that activation never runs.
// commands.ts require()s it on the first such command. Whatever holds state (the log channel, the
// credential service and its monitor, the terminal watcher, the webview) comes in through `deps`;
// nothing here creates one (test/unit/bundles.test.ts checks which modules the two bundles share).
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { CredentialStatus } from '../core/amtc/state';
import { COMMAND } from './ids';
import type { CommandDeps, LazyCommandId } from './commands';
import { explainError } from './explainCommand';
import { runAddProfileWizard } from './addProfileWizard';
import { setting } from './config';
import { withProfile } from './verdictActions';
import { useProfileInTerminals } from './terminalProfile';
import { verifyCommand } from './verifyCommand';
import { repairCommand } from './repairCommand';
import { undoUseInstanceRoleCommand, useInstanceRoleCommand } from './useInstanceRoleCommand';
import { amtcToggleCommand } from './amtcToggleCommand';
import { notificationText } from '../core/text/plainText';
import { cannotAct } from './cannotAct';
import { openSourceLine, signInAgain } from './sourceCommands';
import { showActions } from './actionsMenu';

export type LazyHandlers = Record<LazyCommandId, (...args: unknown[]) => unknown>;

/** What a denial notification passes to "Add fallback profile", so the user can run the command again. */
interface Rerun {
  terminal: vscode.Terminal;
  commandLine: string;
}

export function commandHandlers(deps: CommandDeps): LazyHandlers {
  const current = (): CredentialStatus | undefined => deps.service.current;
  const profileArg = (a: unknown): string | undefined => (typeof a === 'string' ? a : undefined);
  return {
    [COMMAND.showActions]: () => showActions(current(), deps.cloud9.text),
    [COMMAND.addFallbackProfile]: (arg?: unknown) => addFallbackProfile(deps, (arg as { rerun?: Rerun } | undefined)?.rerun),
    [COMMAND.explainError]: (text?: unknown) => explainError(current(), deps.explanations, deps.terminals, typeof text === 'string' ? text : undefined),
    [COMMAND.verifyProfile]: (name?: unknown) => verifyCommand(current(), deps.service.files().paths, setting('stsEndpoint'), deps.log, profileArg(name), deps.service.verifications),
    [COMMAND.repairCredentialsFile]: () => repairCommand(deps.service, deps.log),
    [COMMAND.restrictPermissions]: () => restrictPermissions(deps),
    [COMMAND.useProfileInTerminals]: (name?: unknown) => useProfileInTerminals(deps.terminalEnv, current(), () => deps.service.refresh(), profileArg(name)),
    [COMMAND.useInstanceRole]: () => useInstanceRoleCommand(deps.service, deps.log),
    [COMMAND.undoUseInstanceRole]: () => undoUseInstanceRoleCommand(deps.service, deps.log),
    [COMMAND.turnAmtcOff]: () => amtcToggleCommand(deps.service, deps.cloud9, deps.log, 'DISABLE'),
    [COMMAND.turnAmtcOn]: () => amtcToggleCommand(deps.service, deps.cloud9, deps.log, 'ENABLE'),
    [COMMAND.signInAgain]: (name?: unknown) => signInAgain(current(), deps.log, profileArg(name)),
    [COMMAND.openSourceLine]: () => openSourceLine(current(), () => deps.guard.open(), deps.log),
  };
}

/** chmod 600 (through symlinks) on each file the status reports as readable by others. */
async function restrictPermissions(deps: CommandDeps): Promise<void> {
  const s = deps.service.current;
  const files = (s?.problems ?? []).filter((p) => p.code === 'insecure-permissions').map((p) => (p.file === 'config' ? s!.configFile : s!.credentialsFile));
  if (!files.length) {
    cannotAct(vscode.l10n.t('Only you can read the credential files already; there is nothing to restrict.'));
    return;
  }
  for (const file of files) {
    try {
      const st = await fs.stat(file);
      await fs.chmod(file, st.mode & 0o700);
      deps.log.info(`restricted ${file} to ${(st.mode & 0o700).toString(8)}`);
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not change the permissions of {0}: {1}', file, notificationText(e instanceof Error ? e.message : String(e))));
      return;
    }
  }
  await deps.service.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Only you can read {0} now.', files.join(', ')));
}

async function addFallbackProfile(deps: CommandDeps, rerun: Rerun | undefined): Promise<void> {
  const { paths, home } = deps.service.files();
  const added = await runAddProfileWizard({ status: deps.service.current, paths, home });
  if (!added) return;
  deps.log.info(`added profile ${added.name} to ${added.file}`);
  await deps.service.refresh();
  const verify = vscode.l10n.t('Verify');
  const use = vscode.l10n.t('Use in terminals');
  const again = vscode.l10n.t('Run again');
  const buttons = rerun ? [again, verify, use] : [verify, use];
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Added profile {0} to {1}; the managed credentials file was not touched.', added.name, added.file), ...buttons);
  if (answer === again && rerun) {
    rerun.terminal.show();
    rerun.terminal.sendText(withProfile(rerun.commandLine, added.name));
  } else if (answer === verify) await vscode.commands.executeCommand(COMMAND.verifyProfile, added.name);
  else if (answer === use) await vscode.commands.executeCommand(COMMAND.useProfileInTerminals, added.name);
}
