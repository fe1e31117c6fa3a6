// Real integrated terminals with shell integration, for tests that type commands.
import * as vscode from 'vscode';
import type { AmtcGuardApi } from '../../../src/extension';
import type { JudgedCommand } from '../../../src/vscode/terminalWatcher';

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

/** Sends the line to the terminal and resolves with the watcher's judgement of that execution (an event, no timer). */
export function runJudged(api: AmtcGuardApi, terminal: vscode.Terminal, line: string): Promise<JudgedCommand> {
  return new Promise((resolve) => {
    const sub = api.onDidJudge((j) => {
      if (j.terminal !== terminal) return;
      sub.dispose();
      resolve(j);
    });
    terminal.sendText(line);
  });
}
