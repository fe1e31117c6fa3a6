// The notification for an AMTC denial: one sentence with the way out for that reason, then the fixes
// as buttons (at most three). Every new denial is shown: a toast the user ignores (or that VS Code
// moved to the notification centre) never blocks the next one. The same denial (action, reason,
// terminal) is shown once a minute at most, and an action can be muted and unmuted.
import * as vscode from 'vscode';
import type { Verdict } from '../core/amtc/verdict';
import { COMMAND } from './ids';
import type { Log } from './log';
import { explanationMarkdown } from './verdictText';
import type { ExplanationProvider } from './explanationView';
import { notificationText } from '../core/text/plainText';
import { denialMessage } from './denialText';
import type { TerminalEnvironment } from './terminalEnvironments';

const MUTED_KEY = 'amtcGuard.mutedActions';
const REPEAT_MS = 60_000;
const MAX_BUTTONS = 3;

export interface DenialContext {
  verdict: Verdict;
  commandLine?: string;
  terminal?: vscode.Terminal;
  fallbackProfile?: string;
  environment?: TerminalEnvironment;
}

interface Button {
  title: string;
  run: () => Thenable<unknown>;
}

export class DenialNotifier {
  private readonly lastShown = new Map<string, number>();
  private readonly terminalIds = new WeakMap<vscode.Terminal, number>();
  private nextTerminalId = 1;

  constructor(
    private readonly state: vscode.Memento,
    private readonly explanations: ExplanationProvider,
    private readonly log: Log,
  ) {}

  /** Shows the notification unless muted or the same denial was shown in the last minute; resolves when the user answered or dismissed it. */
  async notify(ctx: DenialContext): Promise<void> {
    const { verdict } = ctx;
    if (!verdict.amtc) return;
    const key = `${verdict.reason}:${verdict.action ?? ''}:${this.terminalId(ctx.terminal)}`;
    if (verdict.action && this.muted().includes(verdict.action)) {
      this.log.info(`denial not shown (${key}): muted`);
      return;
    }
    const now = Date.now();
    if (now - (this.lastShown.get(key) ?? -Infinity) < REPEAT_MS) {
      this.log.info(`denial not shown (${key}): the same one was shown less than a minute ago`);
      return;
    }
    this.lastShown.set(key, now);
    for (const [k, at] of this.lastShown) if (now - at >= REPEAT_MS) this.lastShown.delete(k);
    const buttons = this.buttons(ctx).slice(0, MAX_BUTTONS);
    const show = verdict.reason === 'expired' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
    // Nothing is held while the toast is open: it may never resolve once it sits in the notification centre.
    const picked = await show(notificationText(denialMessage(verdict, ctx.environment)), ...buttons.map((b) => b.title));
    await buttons.find((b) => b.title === picked)?.run();
  }

  private terminalId(terminal: vscode.Terminal | undefined): number {
    if (!terminal) return 0;
    let id = this.terminalIds.get(terminal);
    if (id === undefined) this.terminalIds.set(terminal, (id = this.nextTerminalId++));
    return id;
  }

  private buttons(ctx: DenialContext): Button[] {
    const { verdict } = ctx;
    const out: Button[] = [];
    for (const fix of verdict.fixes) {
      switch (fix) {
        case 'run-with-profile':
          if (ctx.terminal && ctx.commandLine && ctx.fallbackProfile) {
            const line = withProfile(ctx.commandLine, ctx.fallbackProfile);
            out.push({ title: vscode.l10n.t('Run with {0}', ctx.fallbackProfile), run: () => Promise.resolve(ctx.terminal!.sendText(line)) });
          }
          break;
        case 'add-fallback-profile':
          out.push({ title: vscode.l10n.t('Add fallback profile'), run: () => vscode.commands.executeCommand(COMMAND.addFallbackProfile, { rerun: ctx.terminal && ctx.commandLine ? { terminal: ctx.terminal, commandLine: ctx.commandLine } : undefined }) });
          break;
        case 'why':
          out.push({ title: vscode.l10n.t('Why?'), run: () => this.explanations.show(explanationMarkdown(verdict, ctx.commandLine)) });
          break;
        case 'mute-action':
          if (verdict.action) out.push({ title: vscode.l10n.t("Don't show for {0}", verdict.action), run: () => this.mute(verdict.action!) });
          break;
        case 'show-status':
          out.push({ title: vscode.l10n.t('Show status'), run: () => vscode.commands.executeCommand(COMMAND.showStatus) });
          break;
        case 'repair':
          out.push({ title: vscode.l10n.t('Repair'), run: () => vscode.commands.executeCommand(COMMAND.repairCredentialsFile) });
          break;
        case 'reload-ide':
          break; // advice for the Cloud9 IDE, not an action here: the sentence says it
      }
    }
    return out;
  }

  muted(): string[] {
    return this.state.get<string[]>(MUTED_KEY, []);
  }

  private async mute(action: string): Promise<void> {
    await this.state.update(MUTED_KEY, [...new Set([...this.muted(), action])]);
    this.log.info(`denials of ${action} muted`);
    const undo = vscode.l10n.t('Undo');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Denials of {0} are no longer shown; "Show muted denials again" in the Command Palette turns them back on.', action),
      undo,
    );
    if (answer === undo) await this.unmute([action]);
  }

  async unmute(actions: readonly string[]): Promise<void> {
    await this.state.update(MUTED_KEY, this.muted().filter((a) => !actions.includes(a)));
    this.log.info(`denials of ${actions.join(', ')} shown again`);
  }

  /** The command: pick which muted actions to show again (all are picked to start with). */
  async showMutedAgain(): Promise<void> {
    const muted = this.muted();
    if (muted.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No denial is muted; every AMTC denial is shown.'));
      return;
    }
    const picks = await vscode.window.showQuickPick(
      muted.map((a) => ({ label: a, picked: true })),
      { canPickMany: true, title: vscode.l10n.t('Show muted denials again'), placeHolder: vscode.l10n.t('Denials of the checked actions are shown again') },
    );
    if (!picks?.length) return;
    await this.unmute(picks.map((p) => p.label));
    void vscode.window.showInformationMessage(vscode.l10n.t('Denials of {0} are shown again.', picks.map((p) => p.label).join(', ')));
  }
}

/** The same command line with `--profile NAME` right after the first `aws` word. */
export function withProfile(commandLine: string, profile: string): string {
  const m = /(^|[\s;&|(])aws(\s|$)/.exec(commandLine);
  if (!m) return `AWS_PROFILE=${profile} ${commandLine}`;
  const at = m.index + m[1]!.length + 3;
  return `${commandLine.slice(0, at)} --profile ${profile}${commandLine.slice(at)}`;
}
