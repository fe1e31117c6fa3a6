// The notification for an AMTC denial: one sentence, then the fixes as buttons. Rate-limited (one
// per action per minute, never two at once), never modal, and an action can be muted.
import * as vscode from 'vscode';
import type { Verdict } from '../core/amtc/verdict';
import type { Log } from './log';
import { verdictSentence } from './verdictText';
import type { ExplanationView } from './explanationView';
import { verdictActions } from './verdictActions';
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
    private readonly explanations: ExplanationView,
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

  /** The verdict's actions in the order of its fixes, with "Why?" and muting, which belong to the notification. */
  private buttons(ctx: DenialContext): { title: string; run: () => Thenable<unknown> }[] {
    const { verdict } = ctx;
    const actions = verdictActions(ctx);
    const out: { title: string; run: () => Thenable<unknown> }[] = [];
    for (const fix of verdict.fixes) {
      if (fix === 'why') out.push({ title: vscode.l10n.t('Why?'), run: () => this.explanations.show(ctx) });
      else if (fix === 'mute-action' && verdict.action) out.push({ title: vscode.l10n.t("Don't show again"), run: () => this.mute(verdict.action!) });
      else out.push(...actions.filter((a) => a.fix === fix));
    }
    return out;
  }

  private async mute(action: string): Promise<void> {
    const muted = new Set(this.state.get<string[]>(MUTED_KEY, []));
    muted.add(action);
    await this.state.update(MUTED_KEY, [...muted]);
  }
}
