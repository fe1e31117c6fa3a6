// Makes AWS error lines in the terminal clickable: the link opens the explanation.
import * as vscode from 'vscode';
import { parseErrorLine } from '../core/terminal/errors';
import { judge, statusContext } from '../core/amtc/verdict';
import { fallbackProfiles, type CredentialStatus } from '../core/amtc/state';
import type { ExplanationView } from './explanationView';
import type { TerminalWatcher } from './terminalWatcher';

interface ErrorLink extends vscode.TerminalLink {
  line: string;
  terminal: vscode.Terminal;
}

export function registerErrorLinks(status: () => CredentialStatus | undefined, explanations: ExplanationView, watcher: TerminalWatcher): vscode.Disposable {
  return vscode.window.registerTerminalLinkProvider({
    provideTerminalLinks(context): ErrorLink[] {
      const e = parseErrorLine(context.line);
      if (!e) return [];
      const start = Math.max(0, context.line.indexOf(e.code) - 1);
      return [{ startIndex: start, length: context.line.length - start, tooltip: vscode.l10n.t('Explain this AWS error'), line: context.line, terminal: context.terminal }];
    },
    handleTerminalLink(link: ErrorLink): Promise<void> {
      const error = parseErrorLine(link.line);
      // Prefer the judgement made with the command line (it knows the service and role name).
      const known = error && watcher.findRecent(link.terminal, error.code, error.operation);
      const verdict = known?.verdict ?? judge({ error, exitCode: 1, ...statusContext(status()) });
      return explanations.show({ verdict, commandLine: known?.commandLine, terminal: link.terminal, fallbackProfile: fallbackProfiles(status())[0] });
    },
  });
}
