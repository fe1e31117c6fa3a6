// When a terminal never gets shell integration, say once how to turn it on (or use Explain…).
import * as vscode from 'vscode';
import { COMMAND } from './ids';

const TOLD_KEY = 'amtcGuard.toldAboutShellIntegration';
const WAIT_MS = 10_000;

export function watchShellIntegration(state: vscode.Memento): vscode.Disposable {
  const pending = new Map<vscode.Terminal, NodeJS.Timeout>();
  const check = (t: vscode.Terminal): void => {
    if (t.shellIntegration || state.get<boolean>(TOLD_KEY) || pending.has(t)) return;
    pending.set(t, setTimeout(() => {
      pending.delete(t);
      if (t.shellIntegration || t.exitStatus || state.get<boolean>(TOLD_KEY)) return;
      void state.update(TOLD_KEY, true);
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t('AWS errors in the terminal are explained only with shell integration; turn on "terminal.integrated.shellIntegration.enabled", or use "Explain AWS error…".'),
          vscode.l10n.t('Open setting'),
          vscode.l10n.t('Explain AWS error…'),
        )
        .then((pick) => {
          if (pick === vscode.l10n.t('Open setting')) void vscode.commands.executeCommand('workbench.action.openSettings', 'terminal.integrated.shellIntegration.enabled');
          else if (pick) void vscode.commands.executeCommand(COMMAND.explainError);
        });
    }, WAIT_MS));
  };
  vscode.window.terminals.forEach(check);
  const subs = [
    vscode.window.onDidOpenTerminal(check),
    vscode.window.onDidChangeTerminalShellIntegration((e) => {
      clearTimeout(pending.get(e.terminal));
      pending.delete(e.terminal);
    }),
  ];
  return {
    dispose: () => {
      for (const d of subs) d.dispose();
      for (const t of pending.values()) clearTimeout(t);
    },
  };
}
