// "Explain AWS error…": for shells without shell integration. Takes the editor selection, else the
// clipboard if it holds an AWS error (desktop only), else asks for the text. The command line comes from the terminal
// that printed the error (its recent executions), else the user may give it when the verdict is a guess.
import * as vscode from 'vscode';
import { judge, statusContext } from '../core/amtc/verdict';
import { findLastError } from '../core/terminal/scan';
import { fallbackProfiles, type CredentialStatus } from '../core/amtc/state';
import type { ExplanationView } from './explanationView';
import type { TerminalWatcher } from './terminalWatcher';

export async function explainError(status: CredentialStatus | undefined, explanations: ExplanationView, terminals: TerminalWatcher, text?: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  let input = text ?? selection;
  if (!findLastError(input)) {
    // In a browser (code-server, VS Code for the Web) reading the clipboard without the site's
    // permission shows a sticky error and waits until it is closed: there the input box takes the paste.
    const clip = vscode.env.uiKind === vscode.UIKind.Desktop ? await vscode.env.clipboard.readText() : '';
    input = findLastError(clip) ? clip : '';
  }
  if (!input) {
    input = (await vscode.window.showInputBox({
      title: vscode.l10n.t('Explain AWS error'),
      prompt: vscode.l10n.t('Paste the error line, for example: An error occurred (InvalidClientTokenId) when calling the CreateUser operation: …'),
      ignoreFocusOut: true,
    })) ?? '';
    if (!input) return;
  }
  const error = findLastError(input);
  if (!error) {
    void vscode.window.showInformationMessage(vscode.l10n.t('That text holds no AWS error; paste the line that starts with "An error occurred".'));
    return;
  }
  let commandLine = terminals.findRecentAnywhere(error.code, error.operation)?.commandLine;
  let verdict = judge({ error, commandLine, exitCode: 1, ...statusContext(status) });
  if (verdict.likely && commandLine === undefined) {
    // From the error alone the rule is a guess (the service, the role name): the command line settles it.
    commandLine = (await vscode.window.showInputBox({
      title: vscode.l10n.t('Explain AWS error'),
      prompt: vscode.l10n.t('Which command printed this error? Paste its command line for a sure answer, or press Enter to go on without it.'),
      placeHolder: 'aws iam attach-role-policy --role-name … --policy-arn …',
      ignoreFocusOut: true,
    }))?.trim() || undefined;
    if (commandLine) verdict = judge({ error, commandLine, exitCode: 1, ...statusContext(status) });
  }
  await explanations.show({ verdict, commandLine, fallbackProfile: fallbackProfiles(status)[0] });
}
