// The extension's single log channel. Every line is masked (secrets, session tokens and key ids,
// core/mask.ts) and made plain text (no escape sequences) here, so a caller that logs a command
// line or an error message cannot leak one.
import * as vscode from 'vscode';
import { maskSecretsIn } from '../core/mask';
import { plainText } from '../core/text/plainText';

export interface Log extends vscode.Disposable {
  /** Shown only when the channel's level is Debug or Trace. */
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Reveals the channel (for a "Show log" button). */
  show(): void;
}

export function createLog(): Log {
  const channel = vscode.window.createOutputChannel('AMTC Guard', { log: true });
  const safe = (m: string): string => plainText(maskSecretsIn(m));
  return {
    debug: (m) => channel.debug(safe(m)),
    info: (m) => channel.info(safe(m)),
    warn: (m) => channel.warn(safe(m)),
    error: (m) => channel.error(safe(m)),
    show: () => channel.show(true),
    dispose: () => channel.dispose(),
  };
}
