// The notification for an AMTC denial: one sentence with the way out for that reason, then the fixes
// as buttons (at most three). Every new denial is shown: a toast the user ignores (or that VS Code
// moved to the notification centre) never blocks the next one. The same denial (action, reason,
// terminal) is shown once a minute at most, and an action can be muted and unmuted.
import * as vscode from 'vscode';
import { Verdict, worthTelling } from '../core/amtc/verdict';
import type { Log } from './log';
import type { ExplanationView } from './explanationView';
import { verdictActions } from './verdictActions';
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
    private readonly explanations: ExplanationView,
    private readonly log: Log,
  ) {}

  /** Shows the notification unless muted or the same denial was shown in the last minute; resolves when the user answered or dismissed it. */
  async notify(ctx: DenialContext): Promise<void> {
    const { verdict } = ctx;
    if (!worthTelling(verdict)) return;
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
    const picked = await show(notificationText(denialMessage(verdict, ctx.environment, ctx.fallbackProfile)), ...buttons.map((b) => b.title));
    await buttons.find((b) => b.title === picked)?.run();
  }

  private terminalId(terminal: vscode.Terminal | undefined): number {
    if (!terminal) return 0;
    let id = this.terminalIds.get(terminal);
    if (id === undefined) this.terminalIds.set(terminal, (id = this.nextTerminalId++));
    return id;
  }

  /**
   * The verdict's actions in the order of its fixes, with "Why?" and muting, which belong to the
   * notification. A toast cuts long button labels off, so the labels are short and fixed; the
   * message names the profile, and the action is named in the message already.
   */
  private buttons(ctx: DenialContext): Button[] {
    const { verdict } = ctx;
    const actions = verdictActions(ctx);
    const out: Button[] = [];
    for (const fix of verdict.fixes) {
      if (fix === 'why') out.push({ title: vscode.l10n.t('Why?'), run: () => this.explanations.show(ctx) });
      else if (fix === 'mute-action' && verdict.action) out.push({ title: vscode.l10n.t("Don't show again"), run: () => this.mute(verdict.action!) });
      else out.push(...actions.filter((a) => a.fix === fix).map((a) => (a.fix === 'run-with-profile' ? { ...a, title: vscode.l10n.t('Run with profile') } : a)));
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
