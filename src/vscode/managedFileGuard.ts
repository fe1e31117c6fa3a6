// Guards Cloud9's managed credentials file in the editor (issue 13, item 5): it opens read-only and
// in the background with its secrets blurred, an edit gets a warning on line 1 with a quick fix
// (Repair once saved, Revert before), and the moment the file turns modified is announced once.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CredentialStatus, hasProblem } from '../core/amtc/state';
import { setting } from './config';
import { COMMAND } from './ids';
import type { Log } from './log';
import { cannotAct } from './cannotAct';

const SOURCE = 'AMTC Guard';
type GuardCode = 'file-modified' | 'unsaved-edit';
const SECRET_LINE = /^(\s*(?:aws_secret_access_key|aws_session_token)\s*[=:]\s*)(\S.*?)\s*$/i;

export class ManagedFileGuard implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('amtc-guard-managed');
  // The CSS filter hides the values on screen (screen sharing); copying still gives the real text.
  private readonly blur = vscode.window.createTextEditorDecorationType({ textDecoration: 'none; filter: blur(5px)' });
  private readonly subscriptions: vscode.Disposable[] = [];
  private wasModified: boolean | undefined;

  constructor(private readonly status: () => CredentialStatus | undefined, onStatus: vscode.Event<CredentialStatus>, private readonly log: Log) {
    this.subscriptions.push(
      this.diagnostics,
      this.blur,
      onStatus((s) => this.onStatus(s)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.check(e.document);
        vscode.window.visibleTextEditors.filter((ed) => ed.document === e.document).forEach((ed) => this.blurSecrets(ed));
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.blurSecrets(e))),
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, { provideCodeActions: (doc, _r, ctx) => this.codeActions(doc, ctx) }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    );
  }

  /** "Open AWS credentials and config files": the managed file read-only in the background, the config file in front. */
  async open(): Promise<void> {
    const s = this.status();
    if (!s) return;
    const managed = s.amtc !== null;
    let opened = 0;
    for (const file of managed ? [s.credentialsFile, s.configFile] : [s.configFile, s.credentialsFile]) {
      try {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
        const editor = await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: opened > 0 });
        if (managed && file === s.credentialsFile) {
          await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
          this.blurSecrets(editor);
        }
        opened++;
      } catch (e) {
        this.log.info(`not opening ${file}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (opened === 0) {
      cannotAct(vscode.l10n.t('Neither {0} nor {1} exists yet; adding a profile creates the config file.', s.credentialsFile, s.configFile), { label: vscode.l10n.t('Add fallback profile'), command: COMMAND.addFallbackProfile });
    }
  }

  private onStatus(s: CredentialStatus): void {
    const modified = hasProblem(s, 'file-modified');
    // Announced once, when the file turns modified (not at start-up, not for other state changes).
    if (modified && this.wasModified === false && setting('notifications')) this.announce();
    this.wasModified = modified;
    if (!modified || !s.amtc) this.diagnostics.clear();
    else this.diagnostics.set(vscode.Uri.file(s.credentialsFile), [this.diagnostic('file-modified')]);
    vscode.workspace.textDocuments.forEach((d) => this.check(d));
    vscode.window.visibleTextEditors.forEach((e) => this.blurSecrets(e));
  }

  /**
   * The toast cannot be taken back once shown (the API has no way to close it), so a Repair pressed
   * after the file was repaired (by the quick fix, the CLI or Cloud9) says so instead of starting over.
   */
  private announce(): void {
    const repair = vscode.l10n.t('Repair');
    void vscode.window.showWarningMessage(vscode.l10n.t('The managed credentials file was edited, so Cloud9 stopped refreshing it; Repair moves your sections to the config file.'), repair)
      .then((answer) => {
        if (answer !== repair) return;
        if (hasProblem(this.status(), 'file-modified')) return vscode.commands.executeCommand(COMMAND.repairCredentialsFile);
        return vscode.window.showInformationMessage(vscode.l10n.t('The managed credentials file is no longer edited; there is nothing to repair.'));
      });
  }

  private isManagedFile(doc: vscode.TextDocument): boolean {
    const s = this.status();
    return !!s?.amtc && doc.uri.scheme === 'file' && path.resolve(doc.uri.fsPath) === path.resolve(s.credentialsFile);
  }

  /** Unsaved edits in the managed file get their warning before the save that would stop Cloud9. */
  private check(doc: vscode.TextDocument): void {
    if (!this.isManagedFile(doc)) return;
    const s = this.status()!;
    if (hasProblem(s, 'file-modified')) return;
    this.diagnostics.set(doc.uri, doc.isDirty ? [this.diagnostic('unsaved-edit')] : []);
  }

  private diagnostic(code: GuardCode): vscode.Diagnostic {
    const message = code === 'file-modified'
      ? vscode.l10n.t('Cloud9 stopped refreshing this file because it was edited; Repair moves your sections to the config file and restores Cloud9\'s lines.')
      : vscode.l10n.t('Saving this edit stops Cloud9 from refreshing this file; keep your own profiles in the config file instead.');
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, Number.MAX_SAFE_INTEGER), message, vscode.DiagnosticSeverity.Warning);
    d.source = SOURCE;
    d.code = code;
    return d;
  }

  private codeActions(_doc: vscode.TextDocument, ctx: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = ctx.diagnostics.filter((d) => d.source === SOURCE && (d.code === 'file-modified' || d.code === 'unsaved-edit'));
    return ours.map((d) => {
      const repair = d.code === 'file-modified';
      const action = new vscode.CodeAction(repair ? vscode.l10n.t('Repair managed credentials file') : vscode.l10n.t('Revert the unsaved edit'), vscode.CodeActionKind.QuickFix);
      action.command = repair
        ? { command: COMMAND.repairCredentialsFile, title: action.title }
        : { command: 'workbench.action.files.revert', title: action.title };
      action.diagnostics = [d];
      action.isPreferred = true;
      return action;
    });
  }

  private blurSecrets(editor: vscode.TextEditor): void {
    if (!this.isManagedFile(editor.document)) return;
    const ranges: vscode.Range[] = [];
    for (let i = 0; i < editor.document.lineCount; i++) {
      const m = SECRET_LINE.exec(editor.document.lineAt(i).text);
      if (m) ranges.push(new vscode.Range(i, m[1]!.length, i, m[1]!.length + m[2]!.length));
    }
    editor.setDecorations(this.blur, ranges);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
