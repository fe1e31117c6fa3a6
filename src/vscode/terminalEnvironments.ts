// Which AWS_PROFILE each terminal really has. VS Code applies the extension's environment variable
// collection when a terminal starts, so a terminal opened before "Use profile in terminals" keeps its
// old environment (VS Code marks it stale) until it is relaunched.
import * as vscode from 'vscode';
import { terminalProfile } from './terminalProfile';

export interface TerminalEnvironment {
  /** AWS_PROFILE in this terminal's environment (undefined: not set). */
  awsProfile: string | undefined;
  /** The profile new terminals get changed after this terminal started: it keeps the old one until relaunched. */
  stale: boolean;
}

export class TerminalEnvironments implements vscode.Disposable {
  /** The collection's AWS_PROFILE when each terminal opened (undefined: the collection set none). */
  private readonly atOpen = new WeakMap<vscode.Terminal, { profile: string | undefined }>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly collection: vscode.EnvironmentVariableCollection) {
    // Terminals restored before activation started with the persisted collection, which is the current one.
    for (const t of vscode.window.terminals) this.record(t);
    this.subscription = vscode.window.onDidOpenTerminal((t) => this.record(t));
  }

  private record(t: vscode.Terminal): void {
    if (!this.atOpen.has(t)) this.atOpen.set(t, { profile: terminalProfile(this.collection) });
  }

  of(terminal: vscode.Terminal): TerminalEnvironment {
    const now = terminalProfile(this.collection);
    const recorded = this.atOpen.get(terminal);
    const opened = recorded ? recorded.profile : now;
    const options = terminal.creationOptions as vscode.TerminalOptions;
    const own = options.env && 'AWS_PROFILE' in options.env ? (options.env.AWS_PROFILE ?? undefined) : process.env.AWS_PROFILE;
    // The collection's Replace wins over the terminal's own env.
    return { awsProfile: opened ?? own, stale: opened !== now };
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
