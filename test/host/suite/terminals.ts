// Real integrated terminals with shell integration, for tests that type commands.
import * as vscode from 'vscode';

export async function shellTerminal(name: string, env: Record<string, string> = {}): Promise<vscode.Terminal> {
  const terminal = vscode.window.createTerminal({ name, shellPath: '/bin/bash', env: { AWS_PAGER: '', ...env } });
  terminal.show();
  if (terminal.shellIntegration) return terminal;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('no shell integration within 20 s'));
    }, 20_000);
    const sub = vscode.window.onDidChangeTerminalShellIntegration((e) => {
      if (e.terminal === terminal) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
  return terminal;
}
