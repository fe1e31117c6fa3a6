// The status bar item: one render function from a CredentialStatus to text, colour and tooltip.
import * as vscode from 'vscode';
import { CredentialStatus, hasProblem, managedFileState } from '../core/amtc/state';
import { minutesLeft, nextMinuteTick } from '../core/amtc/statusTimes';
import { COMMAND, CommandId, STATUS_ITEM_ID } from './ids';
import { Markdown, md } from '../core/text/markdown';
import { commandLink, trustedMarkdown } from './trustedMarkdown';
import { fileLabel, problemText, relativeMinutes, sourceText, stateSentence } from './statusText';
import { Verification, verificationText, worksText } from './verifyMemory';
import { sourceAttention, sourceEndsAt } from '../core/credentials/attention';
import { chainKindLabel, chainProblemText, failingWord, shortDuration, uncheckedText } from './sourceWords';

export interface StatusItemView {
  text: string;
  background: 'warning' | 'error' | undefined;
  tooltip: vscode.MarkdownString;
  ariaLabel: string;
  visible: boolean;
}

/** Whether the item shows (core/amtc/visibility decides, from the setting and the signs of Cloud9). */
export type ItemVisibleRule = (s: CredentialStatus) => boolean;

const LINK_COMMANDS: CommandId[] = [COMMAND.signInAgain, COMMAND.openSourceLine, COMMAND.useInstanceRole, COMMAND.addFallbackProfile, COMMAND.repairCredentialsFile, COMMAND.openCredentialsFiles, COMMAND.verifyProfile, COMMAND.showStatus, COMMAND.restrictPermissions];

export function renderStatusItem(s: CredentialStatus, now: number, visible: boolean, cloud9?: string, verified: readonly Verification[] = []): StatusItemView {
  let text: string;
  let background: StatusItemView['background'];
  switch (s.state) {
    case 'managed':
      // A save or Repair since Cloud9's last write, or a missed refresh, shows on the item too (not
      // only in the tooltip), in the warning colour.
      if (hasProblem(s, 'awaiting-refresh')) {
        text = `$(sync) ${vscode.l10n.t('AMTC {0}m, waiting for Cloud9', minutesLeft(s.amtc!.expiresAt, now))}`;
        background = 'warning';
      } else if (hasProblem(s, 'refresh-overdue')) {
        text = `$(clock) ${vscode.l10n.t('AMTC {0}m, refresh overdue', minutesLeft(s.amtc!.expiresAt, now))}`;
        background = 'warning';
      } else text = `$(shield) AMTC ${minutesLeft(s.amtc!.expiresAt, now)}m`;
      break;
    case 'modified': text = `$(warning) ${vscode.l10n.t('AMTC modified')}`; background = 'warning'; break;
    case 'expired':
      // Repaired (or saved) but not yet rewritten by Cloud9: waiting, not broken for good.
      if (hasProblem(s, 'awaiting-refresh')) {
        text = `$(sync) ${vscode.l10n.t('AMTC expired, waiting for Cloud9')}`;
        background = 'warning';
      } else {
        text = `$(error) ${vscode.l10n.t('AMTC expired')}${behindText(s)}`;
        background = 'error';
      }
      break;
    case 'overridden':
    case 'missing':
    case 'unmanaged':
      ({ text, background } = sourceItem(s, now));
      break;
  }
  // Another profile in use does not make an edited managed file harmless: a terminal without the
  // profile, or a relaunch, still meets it. Marked on the item, in the warning colour.
  const editedApart = editedWhileOverridden(s, now);
  if (editedApart) {
    text += ' $(warning)';
    background ??= 'warning';
  }
  if (hasProblem(s, 'cli-cannot-parse')) background = 'error';
  const sentence = stateSentence(s, now);
  return {
    text,
    background,
    tooltip: tooltip(s, now, sentence, cloud9, verified),
    ariaLabel: `AMTC Guard: ${sentence}${editedApart ? ` ${modifiedSentence(s, now)}` : ''}`,
    visible,
  };
}

/**
 * The item for a source other than Cloud9's managed keys: who answers (the profile, or the source
 * itself when no profile names it), its time left, and the colour when it fails or ends soon.
 */
function sourceItem(s: CredentialStatus, now: number): Pick<StatusItemView, 'text' | 'background'> {
  const src = s.source;
  if (src.kind === null && src.problem === 'no-credentials') return { text: `$(circle-slash) ${vscode.l10n.t('AWS: no credentials')}`, background: undefined };
  if (src.works === 'unchecked' && src.detail === 'checking') return { text: `$(sync~spin) ${vscode.l10n.t('AWS: checking')}`, background: undefined };
  const icon = s.state === 'overridden' ? '$(person)' : s.state === 'unmanaged' ? '$(key)' : '$(server)';
  const who = s.profileFrom === 'env-keys' ? 'env' : s.state === 'missing' && src.kind ? chainKindLabel(src.kind) : s.activeProfile;
  const attention = sourceAttention(src, now);
  const end = sourceEndsAt(src);
  if (attention === 'failing') return { text: `$(error) AWS: ${who} · ${failingWord(src)}`, background: 'error' };
  const left = end !== null ? ` · ${shortDuration(end - now)}` : '';
  return { text: `${attention ? '$(clock)' : icon} AWS: ${who}${left}`, background: attention ? 'warning' : undefined };
}

/** Another profile is in use and Cloud9's managed file was edited (so Cloud9 no longer refreshes it). */
function editedWhileOverridden(s: CredentialStatus, now: number): boolean {
  return s.state === 'overridden' && managedFileState(s, now) === 'modified';
}

function modifiedSentence(s: CredentialStatus, now: number): string {
  return stateSentence({ ...s, state: 'modified' }, now);
}

/** What sits behind dead managed keys, when something does (problem stale-managed-keys). */
function behindText(s: CredentialStatus): string {
  const p = s.problems.find((x) => x.code === 'stale-managed-keys');
  if (!p) return '';
  return ` · ${p.detail === 'iam-role' ? vscode.l10n.t('instance role available') : vscode.l10n.t('{0} available', p.detail ?? '')}`;
}

function tooltip(s: CredentialStatus, now: number, sentence: string, cloud9: string | undefined, verified: readonly Verification[]): vscode.MarkdownString {
  // Every value is escaped by md`…` (profile names, paths and Cloud9's reply are untrusted text).
  const parts: Markdown[] = [md`**AMTC Guard**: ${sentence}\n\n`];
  const rows: [string, string][] = [[vscode.l10n.t('Profile'), sourceText(s)]];
  if (s.source?.keyId) rows.push([vscode.l10n.t('Key'), `${s.source.keyId}${s.source.file ? ` (${fileLabel(s.source.file)})` : ''}`]);
  // The managed file's times belong under the managed credentials: while another profile is in use
  // they get their own heading, never rows under that profile.
  const amtcRows: [string, string][] = [];
  if (s.amtc) {
    amtcRows.push([vscode.l10n.t('Refreshed'), relativeMinutes(s.amtc.refreshedAt, now)]);
    amtcRows.push([vscode.l10n.t('Expires'), relativeMinutes(s.amtc.expiresAt, now)]);
    // Cloud9 does not refresh an edited file: no "next refresh" to promise then.
    if (s.amtc.nextRefreshAt !== null && !hasProblem(s, 'file-modified')) amtcRows.push([vscode.l10n.t('Next refresh'), relativeMinutes(s.amtc.nextRefreshAt, now)]);
  }
  const amtcApart = s.state === 'overridden' && amtcRows.length > 0;
  // An edited file gets no countdown there: Cloud9 stopped refreshing it, which is what matters.
  const editedApart = editedWhileOverridden(s, now);
  const repair = commandLink(md`$(tools) ${vscode.l10n.t('Repair')}`, COMMAND.repairCredentialsFile);
  if (!amtcApart) rows.push(...amtcRows);
  // The profile in use: what Verify found for it goes in its Works row, not in a line of its own.
  const own = s.profileFrom === 'env-keys' ? undefined : verified.find((v) => v.profile === s.activeProfile);
  if (!s.amtc || s.state === 'overridden' || s.state === 'unmanaged' || s.state === 'missing') rows.push(...sourceRows(s, now, own));
  if (cloud9) rows.push([vscode.l10n.t('Cloud9 says'), cloud9]);
  parts.push(table(rows));
  if (amtcApart) parts.push(md`${vscode.l10n.t('Cloud9\'s managed credentials in [default], not used by new terminals now:')}\n\n`, editedApart ? md`- $(warning) ${modifiedSentence(s, now)} ${repair}\n\n` : table(amtcRows));
  const others = verified.filter((v) => v !== own);
  if (others.length) parts.push(md`${Markdown.join(others.map((v) => md`- ${v.arn !== null ? md`$(pass)` : md`$(error)`} ${verificationText(v, relativeMinutes(v.at, now))}`), '\n')}\n\n`);
  const problems = s.problems.filter((p) => !(editedApart && p.code === 'file-modified'));
  if (problems.length) parts.push(md`${Markdown.join(problems.map((p) => md`- $(warning) ${problemText(p)}`), '\n')}\n\n`);
  const src = s.source;
  const links: Markdown[] = [
    ...(src.kind === 'sso' && src.signInProfile && sourceAttention(src, now) ? [commandLink(md`$(sign-in) ${vscode.l10n.t('Sign in again')}`, COMMAND.signInAgain)] : []),
    ...(src.file && src.line !== null && src.detail !== 'amtc' ? [commandLink(md`$(go-to-file) ${vscode.l10n.t('Open the file at the line')}`, COMMAND.openSourceLine)] : []),
    ...(hasProblem(s, 'stale-managed-keys') ? [commandLink(md`$(server) ${vscode.l10n.t('Use the instance role')}`, COMMAND.useInstanceRole)] : []),
    commandLink(md`$(add) ${vscode.l10n.t('Add fallback profile')}`, COMMAND.addFallbackProfile),
    ...(hasProblem(s, 'file-modified') && !editedApart ? [repair] : []),
    ...(hasProblem(s, 'insecure-permissions') ? [commandLink(md`$(lock) ${vscode.l10n.t('chmod 600')}`, COMMAND.restrictPermissions)] : []),
    commandLink(md`$(go-to-file) ${vscode.l10n.t('Open files')}`, COMMAND.openCredentialsFiles),
    commandLink(md`$(pass) ${vscode.l10n.t('Verify')}`, COMMAND.verifyProfile),
  ];
  parts.push(Markdown.join(links, ' · '));
  return trustedMarkdown(Markdown.join(parts, ''), LINK_COMMANDS);
}

/** A path under the home directory as ~/…; a URL or a variable name as it is. */
function homeRelative(where: string): string {
  const home = process.env.HOME;
  return home && where.startsWith(`${home}/`) ? `~${where.slice(home.length)}` : where;
}

/** The source's rows: what it is and who says so, whether it works, until when. */
function sourceRows(s: CredentialStatus, now: number, verification: Verification | undefined): [string, string][] {
  const src = s.source;
  if (src.kind === null) return src.problem && src.problem !== 'no-credentials' ? [[vscode.l10n.t('Source'), chainProblemText(src)]] : [];
  const rows: [string, string][] = [[vscode.l10n.t('Source'), chainKindLabel(src.kind)]];
  if (src.from) rows.push([vscode.l10n.t('Said by'), homeRelative(src.from)]);
  if (src.works === 'fails') rows.push([vscode.l10n.t('Works'), chainProblemText(src)]);
  else if (verification && src.detail !== 'checking') rows.push([vscode.l10n.t('Works'), worksText(verification, relativeMinutes(verification.at, now))]);
  else if (src.works === 'unchecked') rows.push([vscode.l10n.t('Works'), uncheckedText(src.detail)]);
  else rows.push([vscode.l10n.t('Works'), vscode.l10n.t('yes')]);
  const when = (at: number): string => (at - now > 60 * 60_000 ? vscode.l10n.t('in {0}', shortDuration(at - now)) : relativeMinutes(at, now));
  if (src.expiresAt !== null) rows.push([vscode.l10n.t('Expires'), when(src.expiresAt)]);
  if (src.sessionExpiresAt !== null && src.sessionExpiresAt !== src.expiresAt) rows.push([vscode.l10n.t('SSO session ends'), when(src.sessionExpiresAt)]);
  return rows;
}

function table(rows: [string, string][]): Markdown {
  return md`| | |\n|---|---|\n${Markdown.join(rows.map(([k, v]) => md`| ${k} | ${v} |`), '\n')}\n\n`;
}

/** Owns the item; re-renders on every status and once a minute while a countdown is shown. */
export class StatusBarController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Left, 100);
  private status: CredentialStatus | undefined;
  private tick: NodeJS.Timeout | undefined;

  /** Cloud9's own managedCredentialsStatus, when it was asked (see cloud9ApiStatus.ts). */
  cloud9: string | undefined;
  /** What Verify found for profiles whose keys have not changed since. */
  verified: (s: CredentialStatus) => readonly Verification[] = () => [];

  /** performance.now() when the first status was rendered, shown or kept hidden (npm run bench reads it through the API). */
  readonly firstPaint: Promise<number>;
  private painted: ((at: number) => void) | undefined;

  constructor(private readonly visible: ItemVisibleRule) {
    this.item.name = 'AMTC Guard';
    this.item.command = COMMAND.showActions;
    this.firstPaint = new Promise((resolve) => (this.painted = resolve));
    // Hidden until the first status decides whether there is anything to say (quiet off Cloud9).
  }

  update(status: CredentialStatus | undefined = this.status): void {
    this.status = status;
    clearTimeout(this.tick);
    if (!status) return;
    const now = Date.now();
    const verified = this.verified(status);
    const view = renderStatusItem(status, now, this.visible(status), this.cloud9, verified);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.accessibilityInformation = { label: view.ariaLabel, role: 'button' };
    this.item.backgroundColor = view.background && new vscode.ThemeColor(`statusBarItem.${view.background}Background`);
    if (view.visible) this.item.show();
    else this.item.hide();
    this.painted?.(performance.now());
    this.painted = undefined;
    // The shown minutes change with the clock: re-render at the next whole minute (no file is read).
    const end = status.amtc && status.state === 'managed' ? status.amtc.expiresAt : status.amtc ? null : sourceEndsAt(status.source);
    if (end !== null && end > now) this.tick = setTimeout(() => this.update(), nextMinuteTick(end, now) - now + 5);
    // "verified N min ago" ages too.
    else if (verified.length) this.tick = setTimeout(() => this.update(), 60_000);
  }

  dispose(): void {
    clearTimeout(this.tick);
    this.item.dispose();
  }
}
