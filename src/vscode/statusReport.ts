// "Show credential status": a read-only Markdown report of the state and every profile.
import * as vscode from 'vscode';
import type { CredentialStatus } from '../core/amtc/state';
import { problemText, relativeMinutes, sourceText, stateSentence } from './statusText';

export const REPORT_SCHEME = 'amtc-guard-report';
export const REPORT_URI = vscode.Uri.from({ scheme: REPORT_SCHEME, path: '/credential-status.md' });

export function reportMarkdown(s: CredentialStatus, now: number): string {
  const lines = [
    `# ${vscode.l10n.t('AWS credential status')}`,
    '',
    stateSentence(s, now),
    '',
    `- ${vscode.l10n.t('State')}: \`${s.state}\``,
    `- ${vscode.l10n.t('Profile')}: ${sourceText(s)}`,
    `- ${vscode.l10n.t('Credentials file')}: \`${s.credentialsFile}\``,
    `- ${vscode.l10n.t('Config file')}: \`${s.configFile}\``,
  ];
  if (s.amtc) {
    lines.push(`- ${vscode.l10n.t('Managed key')}: \`${s.amtc.keyId ?? '—'}\`, ${vscode.l10n.t('refreshed {0}, expires {1}', relativeMinutes(s.amtc.refreshedAt, now), relativeMinutes(s.amtc.expiresAt, now))}`);
  }
  lines.push('', `## ${vscode.l10n.t('Problems')}`, '');
  lines.push(...(s.problems.length ? s.problems.map((p) => `- ${problemText(p)}`) : [`- ${vscode.l10n.t('None.')}`]));
  lines.push('', `## ${vscode.l10n.t('Profiles')}`, '', `| ${vscode.l10n.t('Profile')} | ${vscode.l10n.t('Source')} | ${vscode.l10n.t('Key')} | ${vscode.l10n.t('Region')} | ${vscode.l10n.t('Files')} |`, '|---|---|---|---|---|');
  for (const p of s.profiles) {
    lines.push(`| ${p.name} | ${p.source ?? '—'} | ${p.keyId ? `\`${p.keyId}\`` : '—'} | ${p.region ?? '—'} | ${p.files.join(', ')} |`);
  }
  return lines.join('\n') + '\n';
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
