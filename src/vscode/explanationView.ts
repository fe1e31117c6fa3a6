// Shows an explanation as a read-only Markdown preview (virtual document, nothing to save).
import * as vscode from 'vscode';

export const EXPLANATION_SCHEME = 'amtc-guard-explanation';

export class ExplanationProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.path) ?? '';
  }

  async show(markdown: string): Promise<void> {
    // One slot, reused: the newest explanation replaces the previous one.
    const uri = vscode.Uri.from({ scheme: EXPLANATION_SCHEME, path: '/explanation.md' });
    this.docs.set(uri.path, markdown);
    this.changed.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
