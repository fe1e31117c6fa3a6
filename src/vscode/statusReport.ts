// "Show credential status": a read-only Markdown report of the state and every profile.
import * as vscode from 'vscode';
import type { CredentialStatus } from '../core/amtc/state';
import { Markdown, md } from '../core/text/markdown';
import { chainKindLabel } from './sourceWords';
import { fileLabel, problemText, relativeMinutes, sourceText, stateLabel, stateSentence } from './statusText';

export const REPORT_SCHEME = 'amtc-guard-report';
export const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/credential-status.md' });

export function reportMarkdown(s: CredentialStatus, now: number): string {
  // Profile names, regions, paths and problem details come from files and the environment: every
  // value goes through md`…`, which escapes it.
  const lines: Markdown[] = [
    md`# ${vscode.l10n.t('AWS credential status')}`,
    md``,
    md`${stateSentence(s, now)}`,
    md``,
    md`- ${vscode.l10n.t('State')}: ${stateLabel(s.state)}`,
    md`- ${vscode.l10n.t('Profile')}: ${sourceText(s)}`,
    md`- ${vscode.l10n.t('Credentials file')}: ${s.credentialsFile}`,
    md`- ${vscode.l10n.t('Config file')}: ${s.configFile}`,
  ];
  if (s.amtc) {
    lines.push(md`- ${vscode.l10n.t('Managed key')}: ${s.amtc.keyId ?? '—'}, ${vscode.l10n.t('refreshed {0}, expires {1}', relativeMinutes(s.amtc.refreshedAt, now), relativeMinutes(s.amtc.expiresAt, now))}`);
  }
  lines.push(md``, md`## ${vscode.l10n.t('Problems')}`, md``);
  lines.push(...(s.problems.length ? s.problems.map((p) => md`- ${problemText(p)}`) : [md`- ${vscode.l10n.t('None.')}`]));
  lines.push(md``, md`## ${vscode.l10n.t('Profiles')}`, md``, md`| ${vscode.l10n.t('Profile')} | ${vscode.l10n.t('Source')} | ${vscode.l10n.t('Key')} | ${vscode.l10n.t('Region')} | ${vscode.l10n.t('Files')} |`, md`|---|---|---|---|---|`);
  for (const p of s.profiles) {
    lines.push(md`| ${p.name} | ${p.source ? chainKindLabel(p.source) : '—'} | ${p.keyId ?? '—'} | ${p.region ?? '—'} | ${p.files.map(fileLabel).join(', ')} |`);
  }
  return Markdown.join(lines, '\n').value + '\n';
}

export class StatusReportProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly current: () => CredentialStatus | undefined) {}

  provideTextDocumentContent(): string {
    const s = this.current();
    return s ? reportMarkdown(s, Date.now()) : vscode.l10n.t('AMTC Guard is still reading the credential files.');
  }

  refresh(): void {
    this.changed.fire(REPORT_URI);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
