// Reads what runs in integrated terminals (shell integration API) and judges failed commands.
// read() only yields data written after its first call, so the stream is read from the start event.
import * as vscode from 'vscode';
import { judge, statusContext, Verdict } from '../core/amtc/verdict';
import { ErrorScanner } from '../core/terminal/scan';
import type { CredentialStatus } from '../core/amtc/state';
import type { Log } from './log';

interface Reading {
  scanner: ErrorScanner;
  done: Promise<void>;
}

export interface JudgedCommand {
  verdict: Verdict;
  commandLine: string;
  terminal: vscode.Terminal;
}

export class TerminalWatcher implements vscode.Disposable {
  private readonly readings = new WeakMap<vscode.TerminalShellExecution, Reading>();
  private readonly judged = new vscode.EventEmitter<JudgedCommand>();
  readonly onDidJudge = this.judged.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Recent judgements per terminal, so a clicked error line gets its command's context back. */
  private readonly recent = new WeakMap<vscode.Terminal, JudgedCommand[]>();

  constructor(
    private readonly status: () => CredentialStatus | undefined,
    private readonly log: Log,
  ) {
    this.subscriptions.push(
      vscode.window.onDidStartTerminalShellExecution((e) => this.start(e.execution)),
      vscode.window.onDidEndTerminalShellExecution((e) => void this.end(e)),
    );
  }

  private start(execution: vscode.TerminalShellExecution): void {
    const scanner = new ErrorScanner();
    const stream = execution.read();
    const done = (async () => {
      for await (const data of stream) scanner.feed(data);
    })().catch((e: unknown) => this.log.warn(`terminal read failed: ${e instanceof Error ? e.message : String(e)}`));
    this.readings.set(execution, { scanner, done });
  }

  private async end(e: vscode.TerminalShellExecutionEndEvent): Promise<void> {
    const reading = this.readings.get(e.execution);
    if (!reading || e.exitCode === 0) return;
    // The stream may still hold the last bytes when the end event arrives.
    await Promise.race([reading.done, new Promise((r) => setTimeout(r, 1500))]);
    const s = this.status();
    const commandLine = e.execution.commandLine.value;
    const verdict = judge({
      error: reading.scanner.finish(),
      commandLine,
      exitCode: e.exitCode,
      ...statusContext(s),
    });
    if (verdict.reason !== 'none') this.log.info(`judged "${verdict.error?.code ?? ''}" (exit ${e.exitCode ?? '?'}): ${verdict.reason} ${verdict.action ?? ''}`);
    const judged = { verdict, commandLine, terminal: e.terminal };
    const list = this.recent.get(e.terminal) ?? [];
    list.push(judged);
    this.recent.set(e.terminal, list.slice(-20));
    this.judged.fire(judged);
  }

  /** The latest judgement in this terminal for an error with this code and operation. */
  findRecent(terminal: vscode.Terminal, code: string, operation: string | null): JudgedCommand | undefined {
    return [...(this.recent.get(terminal) ?? [])].reverse().find((j) => j.verdict.error?.code === code && j.verdict.error.operation === operation);
  }

  /** The same, in the active terminal first, then in every other open terminal (for a pasted error). */
  findRecentAnywhere(code: string, operation: string | null): JudgedCommand | undefined {
    const active = vscode.window.activeTerminal;
    const order = [...(active ? [active] : []), ...vscode.window.terminals.filter((t) => t !== active)];
    for (const t of order) {
      const found = this.findRecent(t, code, operation);
      if (found) return found;
    }
    return undefined;
  }

  dispose(): void {
    this.judged.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
