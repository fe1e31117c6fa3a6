// Registers every contributed command. The three that only show what activation built run from
// here; the others live in a second bundle (commandHandlers.ts, dist/commands.js) that the first of
// them loads, so activation never pays for the wizard, the file writers or the Cloud9 calls.
import * as vscode from 'vscode';
import { COMMAND, CommandId } from './ids';
import type { Log } from './log';
import { REPORT_URI } from './statusReport';
import type { ExplanationView } from './explanationView';
import type { TerminalWatcher } from './terminalWatcher';
import type { CredentialService } from './credentialService';
import type { DenialNotifier } from './denialNotifier';
import type { Cloud9ApiStatus } from './cloud9ApiStatus';
import type { ManagedFileGuard } from './managedFileGuard';
import type { LazyHandlers } from './commandHandlers';

/**
 * Everything a command handler may use that holds state: built once in extension.ts and passed to
 * the second bundle, which must never make its own (one log channel, one monitor, one watcher).
 */
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

const EAGER = [COMMAND.showStatus, COMMAND.openCredentialsFiles, COMMAND.showMutedDenials] as const;
/** The commands whose handlers are in the second bundle. */
export type LazyCommandId = Exclude<CommandId, (typeof EAGER)[number]>;

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const eager: Record<(typeof EAGER)[number], () => unknown> = {
    [COMMAND.showStatus]: () => vscode.commands.executeCommand('markdown.showPreview', REPORT_URI),
    [COMMAND.openCredentialsFiles]: () => deps.guard.open(),
    [COMMAND.showMutedDenials]: () => deps.notifier.showMutedAgain(),
  };
  let lazy: LazyHandlers | undefined;
  const isEager = (id: CommandId): id is (typeof EAGER)[number] => (EAGER as readonly CommandId[]).includes(id);
  for (const id of Object.values(COMMAND)) {
    const handler = isEager(id) ? eager[id] : (...args: unknown[]) => (lazy ??= loadHandlers(deps))[id](...args);
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}

/** The second bundle, loaded once (Node's require cache keeps it); how long that took goes to the log. */
function loadHandlers(deps: CommandDeps): LazyHandlers {
  const started = performance.now();
  // The bundler leaves this require() in place and points it at dist/commands.js (scripts/bundles.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { commandHandlers } = require('./commandHandlers') as typeof import('./commandHandlers');
  const handlers = commandHandlers(deps);
  deps.log.debug(`loaded the command handlers in ${(performance.now() - started).toFixed(1)} ms`);
  return handlers;
}
