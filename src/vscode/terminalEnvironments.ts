// Which credential variables each terminal really has. VS Code applies the extension's environment
// variable collection when a terminal starts, so a terminal opened before "Use profile in terminals"
// keeps its old environment (VS Code marks it stale) until it is relaunched. After that, what the
// terminal's own command lines do (`unset AWS_PROFILE`, `export AWS_PROFILE=x`…) is followed through
// core/terminal/shellEnv, from the command lines shell integration reports.
import * as vscode from 'vscode';
import { applyCommandLine, CREDENTIAL_VARS, CredentialVar, knownValues, ShellCredentialEnv, shellEnvFrom, unknownVars } from '../core/terminal/shellEnv';
import { terminalProfile } from './terminalProfile';

export interface TerminalEnvironment {
  /** AWS_PROFILE in this terminal's environment (undefined: not set, or not known: see `unknown`). */
  awsProfile: string | undefined;
  /** The profile new terminals get changed after this terminal started: it keeps the old one until relaunched. */
  stale: boolean;
  /** The credential variables as the terminal's commands see them. */
  variables: ShellCredentialEnv;
  /** Variables a command changed in a way that could not be followed (counted as not set). */
  unknown: CredentialVar[];
}

interface Tracked {
  /** The collection's AWS_PROFILE when the terminal opened (undefined: the collection set none). */
  profileAtOpen: string | undefined;
  /** What the terminal's command lines did since it opened; undefined until the first one. */
  variables?: ShellCredentialEnv;
}

export class TerminalEnvironments implements vscode.Disposable {
  private readonly tracked = new WeakMap<vscode.Terminal, Tracked>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly collection: vscode.EnvironmentVariableCollection) {
    // Terminals restored before activation started with the persisted collection, which is the current one.
    for (const t of vscode.window.terminals) this.record(t);
    this.subscription = vscode.window.onDidOpenTerminal((t) => this.record(t));
  }

  private record(t: vscode.Terminal): Tracked {
    let tracked = this.tracked.get(t);
    if (!tracked) this.tracked.set(t, (tracked = { profileAtOpen: terminalProfile(this.collection) }));
    return tracked;
  }

  of(terminal: vscode.Terminal): TerminalEnvironment {
    const tracked = this.tracked.get(terminal);
    const now = terminalProfile(this.collection);
    const stale = (tracked ? tracked.profileAtOpen : now) !== now;
    const variables = tracked?.variables ?? this.atOpen(terminal, tracked ? tracked.profileAtOpen : now);
    // A terminal whose own commands changed AWS_PROFILE no longer has the profile it opened with.
    const changedByCommands = tracked?.variables !== undefined && JSON.stringify(variables.AWS_PROFILE) !== JSON.stringify(this.atOpen(terminal, tracked.profileAtOpen).AWS_PROFILE);
    return { awsProfile: knownValues(variables).AWS_PROFILE, stale: stale && !changedByCommands, variables, unknown: unknownVars(variables) };
  }

  /**
   * Follows a command line that ran in the terminal; returns the environment its AWS command started
   * with (the line's own `unset`/`export` before it count).
   */
  ran(terminal: vscode.Terminal, commandLine: string, exitCode: number | undefined): TerminalEnvironment {
    const before = this.of(terminal);
    const effect = applyCommandLine(before.variables, commandLine, exitCode);
    this.record(terminal).variables = effect.after;
    const variables = effect.atCommand;
    return { ...before, awsProfile: knownValues(variables).AWS_PROFILE, variables, unknown: unknownVars(variables) };
  }

  /** The variables the terminal started with: the collection's AWS_PROFILE wins over the terminal's own env. */
  private atOpen(terminal: vscode.Terminal, collectionProfile: string | undefined): ShellCredentialEnv {
    const options = terminal.creationOptions as vscode.TerminalOptions;
    const own = (name: string): string | undefined => (options.env && name in options.env ? (options.env[name] ?? undefined) : process.env[name]);
    const values: Record<string, string | undefined> = {};
    for (const name of CREDENTIAL_VARS) values[name] = own(name);
    values.AWS_PROFILE = collectionProfile ?? values.AWS_PROFILE;
    return shellEnvFrom(values);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
