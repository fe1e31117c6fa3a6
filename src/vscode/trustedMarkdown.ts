// The only place a vscode.MarkdownString is made (test/unit/untrustedText.test.ts checks that):
// the body is Markdown (escaped untrusted text plus our own template text), and command links run
// only the AMTC Guard commands named here.
import * as vscode from 'vscode';
import { Markdown, md } from '../core/text/markdown';
import type { CommandId } from './ids';

/** A hover or tooltip. Theme icons ($(name)) are on; escaped text never becomes an icon. */
export function trustedMarkdown(body: Markdown, commands: readonly CommandId[] = []): vscode.MarkdownString {
  // Icons are drawn after the Markdown is rendered, so an escaped "\$\(" from untrusted text would
  // come out of the renderer as "$(" and turn into an icon; VS Code's own escape for that is "\$(",
  // so the backslash itself is escaped once more.
  const value = body.value.replace(/\\\$\\\(/g, '\\\\\\$\\(');
  const m = new vscode.MarkdownString(value, true);
  m.isTrusted = commands.length ? { enabledCommands: [...commands] } : false;
  return m;
}

/**
 * A command link to one of our commands. The label is escaped; the URI is built from our id and
 * our own arguments, and escaping it is harmless (CommonMark removes backslashes in a link target).
 */
export function commandLink(label: string | Markdown, command: CommandId, args?: unknown): Markdown {
  const query = args === undefined ? '' : `?${encodeURIComponent(JSON.stringify(args))}`;
  return md`[${label}](${`command:${command}${query}`})`;
}
