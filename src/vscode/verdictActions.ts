// What can be done about a verdict, as actions with a title: the explanation shows them as links
// next to the reason. Built from our own data only (the verdict's fix codes, the terminal the
// command ran in, its command line, a profile name from the user's files), never from output text.
import * as vscode from 'vscode';
import type { FixCode, Verdict } from '../core/amtc/verdict';
import { COMMAND } from './ids';

export interface VerdictContext {
  verdict: Verdict;
  /** The command line as the shell reported it (unmasked: it is sent back to the same terminal). */
  commandLine?: string;
  terminal?: vscode.Terminal;
  /** A profile with the user's own keys, for "Run with NAME". */
  fallbackProfile?: string;
}

export interface VerdictAction {
  fix: FixCode | 'run-again';
  title: string;
  run: () => Thenable<unknown>;
}

/** The fixes that act (not "Why?" or muting, which belong to the notification), best first. */
export function verdictActions(ctx: VerdictContext): VerdictAction[] {
  const { verdict, terminal, commandLine } = ctx;
  const out: VerdictAction[] = [];
  const rerun = terminal && commandLine ? { terminal, commandLine } : undefined;
  for (const fix of verdict.fixes) {
    switch (fix) {
      case 'run-with-profile':
        if (rerun && ctx.fallbackProfile) {
          const profile = ctx.fallbackProfile;
          out.push({ fix, title: vscode.l10n.t('Run with {0}', profile), run: () => sendTo(rerun.terminal, withProfile(rerun.commandLine, profile)) });
        }
        break;
      case 'add-fallback-profile':
        out.push({ fix, title: vscode.l10n.t('Add fallback profile'), run: () => vscode.commands.executeCommand(COMMAND.addFallbackProfile, { rerun }) });
        break;
      case 'show-status':
        out.push({ fix, title: vscode.l10n.t('Show status'), run: () => vscode.commands.executeCommand(COMMAND.showStatus) });
        break;
      case 'repair':
        out.push({ fix, title: vscode.l10n.t('Repair'), run: () => vscode.commands.executeCommand(COMMAND.repairCredentialsFile) });
        break;
      case 'sign-in':
        out.push({ fix, title: vscode.l10n.t('Sign in again'), run: () => vscode.commands.executeCommand(COMMAND.signInAgain, verdict.source?.signInProfile ?? undefined) });
        break;
      case 'why':
      case 'mute-action':
      case 'reload-ide':
        break;
    }
  }
  // Expired or rejected credentials can work again after a refresh (or from the right place): the
  // same command, unchanged.
  if (rerun && (verdict.reason === 'expired' || verdict.reason === 'token-rejected')) {
    out.push({ fix: 'run-again', title: vscode.l10n.t('Run again'), run: () => sendTo(rerun.terminal, rerun.commandLine) });
  }
  return out;
}

function sendTo(terminal: vscode.Terminal, line: string): Thenable<unknown> {
  if (terminal.exitStatus !== undefined) {
    return vscode.window.showWarningMessage(vscode.l10n.t('The terminal that ran the command is closed; run it again in a new terminal.'));
  }
  terminal.show();
  terminal.sendText(line);
  return Promise.resolve();
}

/** The same command line with `--profile NAME` right after the first `aws` word. */
export function withProfile(commandLine: string, profile: string): string {
  const m = /(^|[\s;&|(])aws(\s|$)/.exec(commandLine);
  if (!m) return `AWS_PROFILE=${profile} ${commandLine}`;
  const at = m.index + m[1]!.length + 3;
  return `${commandLine.slice(0, at)} --profile ${profile}${commandLine.slice(at)}`;
}
