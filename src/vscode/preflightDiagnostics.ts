// Preflight in the editor: while the managed credentials are in use, `aws …` lines that AMTC will
// deny get a warning (with the rule). The quick fixes, in order: AWS_PROFILE for the terminals (no
// edit to a script others may share), --profile on this line, and an ignore comment.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DOCS_URL, ROLE_NAME_PREFIX } from '../core/amtc/allowList';
import { ignoreEdit, preflight } from '../core/amtc/preflight';
import type { CredentialStatus } from '../core/amtc/state';
import { COMMAND } from './ids';
import { fallbackProfiles } from '../core/amtc/state';

const SOURCE = 'AMTC Guard';

function applies(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'shellscript' || doc.languageId === 'makefile' || /^buildspec[\w.-]*\.ya?ml$/i.test(path.basename(doc.fileName));
}

export function registerPreflight(status: () => CredentialStatus | undefined, onStatus: vscode.Event<CredentialStatus>): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('amtc-guard');
  const timers = new Map<string, NodeJS.Timeout>();
  const check = (doc: vscode.TextDocument): void => {
    if (!applies(doc)) return;
    if (status()?.state !== 'managed') {
      collection.delete(doc.uri);
      return;
    }
    collection.set(doc.uri, preflight(doc.getText()).map((f) => {
      const d = new vscode.Diagnostic(
        new vscode.Range(f.line, f.awsStart, f.line, Math.max(f.end, f.awsEnd)),
        f.reason === 'role-name'
          ? vscode.l10n.t('AMTC allows {0} only on roles named {1}…; this line fails under Cloud9\'s managed credentials.', f.action, ROLE_NAME_PREFIX)
          : vscode.l10n.t('AMTC does not allow {0}; this line fails under Cloud9\'s managed credentials.', f.action),
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = SOURCE;
      // Shown as "AMTC Guard(what AMTC allows)", a link to AWS's list of what the managed credentials allow.
      d.code = { value: vscode.l10n.t('what AMTC allows'), target: vscode.Uri.parse(DOCS_URL) };
      return d;
    }));
  };
  const later = (doc: vscode.TextDocument): void => {
    clearTimeout(timers.get(doc.uri.toString()));
    timers.set(doc.uri.toString(), setTimeout(() => check(doc), 300));
  };
  vscode.workspace.textDocuments.forEach(check);
  const subs = [
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => later(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
    onStatus(() => vscode.workspace.textDocuments.forEach(check)),
    vscode.languages.registerCodeActionsProvider([{ language: 'shellscript' }, { language: 'makefile' }, { pattern: '**/buildspec*.{yml,yaml}' }], {
      provideCodeActions: (doc, _range, context) => quickFixes(doc, context.diagnostics.filter((d) => d.source === SOURCE), fallbackProfiles(status())),
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  ];
  return {
    dispose: () => {
      for (const t of timers.values()) clearTimeout(t);
      for (const d of subs) d.dispose();
    },
  };
}

/** The quick fixes for preflight warnings; the first one changes no file. */
function quickFixes(doc: vscode.TextDocument, ours: readonly vscode.Diagnostic[], fallback: string[]): vscode.CodeAction[] {
  if (!ours.length) return [];
  const profiles = fallback.slice(0, 3);
  const first = new vscode.CodeAction(profiles.length ? vscode.l10n.t('Use AWS_PROFILE in your terminals') : vscode.l10n.t('Add fallback profile…'), vscode.CodeActionKind.QuickFix);
  first.command = profiles.length
    ? { command: COMMAND.useProfileInTerminals, title: first.title, arguments: profiles.length === 1 ? [profiles[0]] : [] }
    : { command: COMMAND.addFallbackProfile, title: first.title };
  first.diagnostics = [...ours];
  first.isPreferred = true;
  return [first, ...ours.flatMap((d) => [
    ...profiles.map((p) => {
      const fix = new vscode.CodeAction(vscode.l10n.t('Add --profile {0} to this line', p), vscode.CodeActionKind.QuickFix);
      fix.edit = new vscode.WorkspaceEdit();
      fix.edit.insert(doc.uri, d.range.start.translate(0, 3), ` --profile ${p}`);
      fix.diagnostics = [d];
      return fix;
    }),
    ignoreHere(doc, d),
  ])];
}

function ignoreHere(doc: vscode.TextDocument, d: vscode.Diagnostic): vscode.CodeAction {
  const fix = new vscode.CodeAction(vscode.l10n.t('Ignore here'), vscode.CodeActionKind.QuickFix);
  const line = doc.lineAt(d.range.start.line);
  const e = ignoreEdit(line.text);
  fix.edit = new vscode.WorkspaceEdit();
  fix.edit.insert(doc.uri, e.atEnd ? line.range.end : line.range.start, e.text);
  fix.diagnostics = [d];
  return fix;
}
