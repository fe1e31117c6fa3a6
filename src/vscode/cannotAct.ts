// A command that cannot act on the current credentials says why in one sentence, with a button to
// what helps (by default the status report, which names every problem and its way out).
import * as vscode from 'vscode';
import { COMMAND, CommandId } from './ids';

// The command returns at once: a toast that is ignored (or moved to the centre) never holds it up.
export function cannotAct(why: string, help: { label: string; command: CommandId } = { label: vscode.l10n.t('Show credential status'), command: COMMAND.showStatus }): void {
  void vscode.window.showInformationMessage(why, help.label).then((answer) => answer === help.label && vscode.commands.executeCommand(help.command));
}
