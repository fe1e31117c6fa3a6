// Preflight in the editor: while the managed credentials are in use, `aws …` lines that AMTC will
// deny get a warning (with the rule), and a quick fix that adds --profile with a fallback profile.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DOCS_URL, ROLE_NAME_PREFIX } from '../core/amtc/allowList';
import { preflight } from '../core/amtc/preflight';
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
      d.code = { value: f.reason, target: vscode.Uri.parse(DOCS_URL) };
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
      provideCodeActions(doc, _range, context) {
        const ours = context.diagnostics.filter((d) => d.source === SOURCE);
        if (!ours.length) return [];
        const profiles = fallbackProfiles(status()).slice(0, 3);
        if (!profiles.length) {
          const add = new vscode.CodeAction(vscode.l10n.t('Add fallback profile…'), vscode.CodeActionKind.QuickFix);
          add.command = { command: COMMAND.addFallbackProfile, title: add.title };
          add.diagnostics = ours;
          return [add];
        }
        return ours.flatMap((d) => profiles.map((p) => {
          const fix = new vscode.CodeAction(vscode.l10n.t('Add --profile {0}', p), vscode.CodeActionKind.QuickFix);
          fix.edit = new vscode.WorkspaceEdit();
          fix.edit.insert(doc.uri, d.range.start.translate(0, 3), ` --profile ${p}`);
          fix.diagnostics = [d];
          fix.isPreferred = p === profiles[0];
          return fix;
        }));
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  ];
  return {
    dispose: () => {
      for (const t of timers.values()) clearTimeout(t);
      for (const d of subs) d.dispose();
    },
  };
}
