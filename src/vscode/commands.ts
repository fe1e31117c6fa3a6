// Registers every contributed command. Commands whose feature is not built yet say so in one sentence.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { CredentialStatus, hasProblem } from '../core/amtc/state';
import { COMMAND, CommandId } from './ids';
import type { Log } from './log';
import { REPORT_URI } from './statusReport';
import type { ExplanationView } from './explanationView';
import type { TerminalWatcher } from './terminalWatcher';
import { explainError } from './explainCommand';
import { runAddProfileWizard } from './addProfileWizard';
import type { CredentialService } from './credentialService';
import { setting } from './config';
import type { DenialNotifier } from './denialNotifier';
import { withProfile } from './verdictActions';
import { useProfileInTerminals } from './terminalProfile';
import { verifyCommand } from './verifyCommand';
import { repairCommand } from './repairCommand';
import { undoUseInstanceRoleCommand, useInstanceRoleCommand } from './useInstanceRoleCommand';
import { amtcToggleCommand } from './amtcToggleCommand';
import type { Cloud9ApiStatus } from './cloud9ApiStatus';
import { cloud9EnvironmentId } from '../core/aws/cloud9Call';
import { notificationText } from '../core/text/plainText';
import type { ManagedFileGuard } from './managedFileGuard';
import { stateLabel } from './statusText';
import { sourceAttention, sourceEndsAt } from '../core/credentials/attention';
import { attentionText } from './sourceWords';
import { cannotAct } from './cannotAct';
import { openSourceLine, signInAgain } from './sourceCommands';

export interface CommandDeps {
  log: Log;
  service: CredentialService;
  terminalEnv: vscode.EnvironmentVariableCollection;
  explanations: ExplanationView;
  guard: ManagedFileGuard;
  terminals: TerminalWatcher;
  notifier: DenialNotifier;
  cloud9: Cloud9ApiStatus;
}

/** What a denial notification passes to "Add fallback profile", so the user can run the command again. */
interface Rerun {
  terminal: vscode.Terminal;
  commandLine: string;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const current = (): CredentialStatus | undefined => deps.service.current;
  const profileArg = (a: unknown): string | undefined => (typeof a === 'string' ? a : undefined);
  const handlers: Record<CommandId, (...args: unknown[]) => unknown> = {
    [COMMAND.showMutedDenials]: () => deps.notifier.showMutedAgain(),
    [COMMAND.showStatus]: () => vscode.commands.executeCommand('markdown.showPreview', REPORT_URI),
    [COMMAND.openCredentialsFiles]: () => deps.guard.open(),
    [COMMAND.showActions]: () => showActions(deps),
    [COMMAND.addFallbackProfile]: (arg?: unknown) => addFallbackProfile(deps, (arg as { rerun?: Rerun } | undefined)?.rerun),
    [COMMAND.explainError]: (text?: unknown) => explainError(current(), deps.explanations, deps.terminals, typeof text === 'string' ? text : undefined),
    [COMMAND.verifyProfile]: (name?: unknown) => verifyCommand(current(), deps.service.files().paths, setting('stsEndpoint'), deps.log, profileArg(name)),
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
  for (const [id, handler] of Object.entries(handlers)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
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


interface ActionItem extends vscode.QuickPickItem {
  command: CommandId;
}

async function showActions(deps: CommandDeps): Promise<void> {
  const s = deps.service.current;
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
  items.push(...afterAmtcActions(s, deps.cloud9.text));
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
