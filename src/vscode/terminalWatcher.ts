// Reads what runs in integrated terminals (shell integration API) and judges failed commands.
//
// read() only yields data that arrives after its stream is set up, and VS Code sets that stream up in
// a microtask after the start event. When a command prints and exits at once, VS Code sends start,
// output and end to the extension host in one batch, before that microtask: the stream stays empty
// (it does not even carry the ESC ] 633 ; C that starts every output). So the stream is opened in the
// start event, synchronously, and an execution whose stream got nothing is judged from what the end
// event still has, the exit code and the command line, and the log says which path was taken.
import * as vscode from 'vscode';
import { judge, statusContext, Verdict } from '../core/amtc/verdict';
import { ErrorScanner } from '../core/terminal/scan';
import type { CredentialStatus } from '../core/amtc/state';
import type { Log } from './log';
import type { TerminalEnvironment } from './terminalEnvironments';

/** Where a verdict's evidence came from. */
export type OutputPath = 'stream' | 'end-event';

interface Reading {
  scanner: ErrorScanner;
  chunks: number;
  done: Promise<void>;
}

export interface JudgedCommand {
  verdict: Verdict;
  commandLine: string;
  terminal: vscode.Terminal;
  exitCode: number | undefined;
  /** 'stream': the command's output was read; 'end-event': the API delivered none, so only the exit code and command line were judged. */
  path: OutputPath;
  /** The last lines of the output as plain text (escapes stripped); empty on the end-event path. */
  outputTail: readonly string[];
  /** The environment this terminal really has (a terminal opened before "Use profile in terminals" is stale). */
  environment: TerminalEnvironment;
}

/** What the watcher needs to know about a terminal: its environment, and the credential status that environment gives. */
export interface TerminalContext {
  /** Follows a command line that ran in the terminal; returns the environment its AWS command started with. */
  ran: (terminal: vscode.Terminal, commandLine: string, exitCode: number | undefined) => TerminalEnvironment;
  status: (environment: TerminalEnvironment) => CredentialStatus | undefined;
}

/** An end event normally comes after the stream closed; this only bounds a stream that never closes. */
const STREAM_GRACE_MS = 2000;

export class TerminalWatcher implements vscode.Disposable {
  private readonly readings = new WeakMap<vscode.TerminalShellExecution, Reading>();
  private readonly judged = new vscode.EventEmitter<JudgedCommand>();
  readonly onDidJudge = this.judged.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Recent judgements per terminal, so a clicked error line gets its command's context back. */
  private readonly recent = new WeakMap<vscode.Terminal, JudgedCommand[]>();

  constructor(
    private readonly context: TerminalContext,
    private readonly log: Log,
  ) {
    this.subscriptions.push(
      vscode.window.onDidStartTerminalShellExecution((e) => this.start(e.execution)),
      vscode.window.onDidEndTerminalShellExecution((e) => void this.end(e)),
    );
  }

  /** Synchronous on purpose: any await before read() loses the first output. */
  private start(execution: vscode.TerminalShellExecution): void {
    const reading: Reading = { scanner: new ErrorScanner(), chunks: 0, done: Promise.resolve() };
    const stream = execution.read();
    reading.done = (async () => {
      for await (const data of stream) {
        reading.chunks++;
        reading.scanner.feed(data);
      }
    })().catch((e: unknown) => this.log.warn(`terminal read failed: ${e instanceof Error ? e.message : String(e)}`));
    this.readings.set(execution, reading);
  }

  private async end(e: vscode.TerminalShellExecutionEndEvent): Promise<void> {
    // Every command line is followed (an `unset AWS_PROFILE` succeeds), before any await keeps them in order.
    const commandLine = e.execution.commandLine.value;
    const environment = this.context.ran(e.terminal, commandLine, e.exitCode);
    if (e.exitCode === 0) return;
    const reading = this.readings.get(e.execution);
    if (reading) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([reading.done, new Promise((r) => (timer = setTimeout(r, STREAM_GRACE_MS)))]);
      clearTimeout(timer);
    }
    const path: OutputPath = reading && reading.chunks > 0 ? 'stream' : 'end-event';
    const verdict = judge({
      error: path === 'stream' ? reading!.scanner.finish() : undefined,
      outputMissing: path === 'end-event',
      commandLine,
      exitCode: e.exitCode,
      ...statusContext(this.context.status(environment)),
      environmentUnknown: environment.unknown.length > 0,
    });
    this.log.info(
      `judged exit ${e.exitCode ?? '?'} from the ${path === 'stream' ? `output (${reading!.chunks} chunks${verdict.evidence === 'exit-code-no-error' ? ', no AWS error in it, so the exit code and command line' : ''})` : reading ? 'exit code and command line (the terminal delivered no output)' : 'exit code and command line (no start event)'}: ${verdict.reason}${verdict.error ? ` "${verdict.error.code}"` : ''} ${verdict.action ?? ''}${environment.stale ? ' (stale terminal environment)' : ''}${environment.unknown.length ? ` (not known: ${environment.unknown.join(', ')})` : ''}`,
    );
    const judged: JudgedCommand = { verdict, commandLine, terminal: e.terminal, exitCode: e.exitCode, path, outputTail: path === 'stream' ? [...reading!.scanner.lastLines] : [], environment };
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
