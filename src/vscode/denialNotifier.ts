// The notification for an AMTC denial: one sentence, then the fixes as buttons. Rate-limited (one
// per action per minute, never two at once), never modal, and an action can be muted.
import * as vscode from 'vscode';
import type { Verdict } from '../core/amtc/verdict';
import { COMMAND } from './ids';
import type { Log } from './log';
import { explanationMarkdown, verdictSentence } from './verdictText';
import type { ExplanationProvider } from './explanationView';
import { notificationText } from '../core/text/plainText';

const MUTED_KEY = 'amtcGuard.mutedActions';
const REPEAT_MS = 60_000;

export interface DenialContext {
  verdict: Verdict;
  commandLine?: string;
  terminal?: vscode.Terminal;
  fallbackProfile?: string;
}

export class DenialNotifier {
  private readonly lastShown = new Map<string, number>();
  private showing = false;

  constructor(
    private readonly state: vscode.Memento,
    private readonly explanations: ExplanationProvider,
    private readonly log: Log,
  ) {}

  /** Shows the notification unless muted or rate-limited; resolves when the user answered or dismissed it. */
  async notify(ctx: DenialContext): Promise<void> {
    const { verdict } = ctx;
    const key = `${verdict.reason}:${verdict.action ?? ''}`;
    const muted = this.state.get<string[]>(MUTED_KEY, []);
    const last = this.lastShown.get(key) ?? 0;
    if (!verdict.amtc || (verdict.action && muted.includes(verdict.action)) || this.showing || Date.now() - last < REPEAT_MS) {
      this.log.info(`denial not shown (${key}): ${this.showing ? 'another is open' : 'muted or shown recently'}`);
      return;
    }
    this.lastShown.set(key, Date.now());
    this.showing = true;
    try {
      const buttons = this.buttons(ctx);
      const message = notificationText(`AMTC Guard: ${verdictSentence(verdict)}`);
      const show = verdict.reason === 'expired' ? vscode.window.showErrorMessage : vscode.window.showWarningMessage;
      const picked = await show(message, ...buttons.map((b) => b.title));
      await buttons.find((b) => b.title === picked)?.run();
    } finally {
      this.showing = false;
    }
  }

  private buttons(ctx: DenialContext): { title: string; run: () => Thenable<unknown> }[] {
    const { verdict } = ctx;
    const out: { title: string; run: () => Thenable<unknown> }[] = [];
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
          if (verdict.action) out.push({ title: vscode.l10n.t("Don't show again"), run: () => this.mute(verdict.action!) });
          break;
        case 'show-status':
          out.push({ title: vscode.l10n.t('Show status'), run: () => vscode.commands.executeCommand(COMMAND.showStatus) });
          break;
        case 'repair':
          out.push({ title: vscode.l10n.t('Repair'), run: () => vscode.commands.executeCommand(COMMAND.repairCredentialsFile) });
          break;
        case 'reload-ide':
          break; // advice for the Cloud9 IDE, not an action here; the status report says it
      }
    }
    return out;
  }

  private async mute(action: string): Promise<void> {
    const muted = new Set(this.state.get<string[]>(MUTED_KEY, []));
    muted.add(action);
    await this.state.update(MUTED_KEY, [...muted]);
  }
}

/** The same command line with `--profile NAME` right after the first `aws` word. */
export function withProfile(commandLine: string, profile: string): string {
  const m = /(^|[\s;&|(])aws(\s|$)/.exec(commandLine);
  if (!m) return `AWS_PROFILE=${profile} ${commandLine}`;
  const at = m.index + m[1]!.length + 3;
  return `${commandLine.slice(0, at)} --profile ${profile}${commandLine.slice(at)}`;
}
