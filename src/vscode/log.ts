// The extension's single log channel. Callers pass only masked key ids (core/mask.ts).
import * as vscode from 'vscode';

export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('AMTC Guard', { log: true });
}
