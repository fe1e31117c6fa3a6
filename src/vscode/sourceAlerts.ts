// Notifications for the credential chain (issue 14): once when an SSO session is ten minutes from its
// end, and once when the source the AWS CLI uses starts failing. Cloud9's managed keys have their own
// (managedFileGuard.ts); an empty machine with no credentials stays quiet.
import * as vscode from 'vscode';
import type { CredentialStatus } from '../core/amtc/state';
import { nextAttentionChange, sourceAttention, sourceEndsAt } from '../core/credentials/attention';
import { setting } from './config';
import { COMMAND } from './ids';
import type { Log } from './log';
import { attentionText } from './sourceWords';

export class SourceAlerts implements vscode.Disposable {
  private readonly endingShown = new Set<string>();
  private failing: string | null | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(onStatus: vscode.Event<CredentialStatus>, private readonly log: Log) {
    this.subscription = onStatus((s) => this.check(s));
  }

  private check(s: CredentialStatus): void {
    clearTimeout(this.timer);
    const src = s.source;
    const own = src.kind !== null && src.detail !== 'amtc' && (!s.amtc || s.state === 'overridden' || s.state === 'unmanaged' || s.state === 'missing');
    const now = Date.now();
    const attention = own ? sourceAttention(src, now) : null;
    const failingKey = attention === 'failing' ? `${src.kind}|${src.profile}|${src.problem}` : null;
    // The first status only sets the baseline: a source that already failed is shown by the item's colour.
    const startsFailing = failingKey !== null && this.failing !== undefined && failingKey !== this.failing;
    this.failing = failingKey;
    const endsAt = sourceEndsAt(src);
    // Worth a notice while there is still time to act (a session that ends within the minute just fails).
    const endingKey = attention === 'ending-soon' && src.kind === 'sso' && endsAt !== null && endsAt - now >= 60_000 ? `${src.signInProfile}|${endsAt}` : null;
    if (startsFailing) this.show('warning', s, now, endsAt);
    else if (endingKey && !this.endingShown.has(endingKey)) {
      this.endingShown.add(endingKey);
      this.show('info', s, now, endsAt);
    }
    // The ten-minute mark comes with the clock, not with a file change.
    const at = own ? nextAttentionChange(src, now) : null;
    if (at !== null) this.timer = setTimeout(() => this.check(s), Math.min(at - now + 5, 2 ** 31 - 1));
  }

  private show(kind: 'info' | 'warning', s: CredentialStatus, now: number, endsAt: number | null): void {
    const text = attentionText(s.source, now, endsAt);
    this.log.info(`source ${s.source.kind} ${kind === 'warning' ? `fails (${s.source.problem})` : 'ends soon'}`);
    if (!setting('notifications')) return;
    const actions: { label: string; run: () => unknown }[] = [];
    if (s.source.kind === 'sso' && s.source.signInProfile) actions.push({ label: vscode.l10n.t('Sign in again'), run: () => vscode.commands.executeCommand(COMMAND.signInAgain) });
    else if (s.source.file && s.source.line !== null && kind === 'warning') actions.push({ label: vscode.l10n.t('Open the file at the line'), run: () => vscode.commands.executeCommand(COMMAND.openSourceLine) });
    actions.push({ label: vscode.l10n.t('Show credential status'), run: () => vscode.commands.executeCommand(COMMAND.showStatus) });
    const shown = kind === 'warning' ? vscode.window.showWarningMessage(text, ...actions.map((a) => a.label)) : vscode.window.showInformationMessage(text, ...actions.map((a) => a.label));
    // Never awaited: a toast that is ignored or moved to the centre holds nothing up.
    void shown.then((label) => actions.find((a) => a.label === label)?.run());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }
}
