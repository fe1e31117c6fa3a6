// amtc-guard: the same core as the extension, for terminals where VS Code extensions cannot run.
import { version } from '../../package.json';
import { UsageError } from './args';
import { cliContext, CliContext } from './context';
import { addProfileCommand } from './addProfile';
import { amtcCommand } from './amtc';
import { useInstanceRoleCommand } from './useInstanceRole';
import { explainCommand } from './explain';
import { repairCommand } from './repair';
import { initCommand } from './shellInit';
import { promptCommand } from './prompt';
import { statusCommand } from './status';
import { verifyCommand } from './verify';
import { watchCommand } from './watch';

type Command = (argv: string[], ctx: CliContext) => Promise<number>;

export const COMMANDS: Record<string, Command> = {
  status: statusCommand,
  watch: watchCommand,
  explain: (argv, ctx) => explainCommand(argv, ctx),
  'add-profile': addProfileCommand,
  verify: verifyCommand,
  repair: repairCommand,
  init: initCommand,
  prompt: promptCommand,
  amtc: amtcCommand,
  'use-instance-role': useInstanceRoleCommand,
};

export async function main(argv: string[], ctx: CliContext = cliContext()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // Bad usage: the overview goes where errors go, so `amtc-guard > file` does not hide it.
    ctx.err(ctx.messages.usage);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    ctx.out(ctx.messages.usage);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    ctx.out(version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.err(ctx.messages.unknownCommand(name));
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.out(commandUsage(ctx.messages.usage, name));
    return 0;
  }
  // SPEC §6: with --json, stdout holds one JSON object whatever happens (the sentence goes to stderr).
  const json = rest.includes('--json');
  try {
    return await command(rest, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      // (not when --json itself is what the command does not take)
      if (json && !(e.problem.code === 'unknown-option' && e.problem.option === '--json')) ctx.out(JSON.stringify({ ok: false, problem: 'usage', usage: e.problem }));
      ctx.err(ctx.messages.usageError(e.problem, name));
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    if (json) ctx.out(JSON.stringify({ ok: false, problem: 'internal-error', message }));
    ctx.err(ctx.messages.internalError(message));
    return 2;
  }
}

/**
 * One subcommand's part of the usage text (its lines up to the next command), so the per-command help
 * and the overview never disagree, in either language.
 */
export function commandUsage(usage: string, name: string): string {
  const lines = usage.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${name} `) || l === `  ${name}`);
  if (start < 0) return usage;
  let end = start + 1;
  while (end < lines.length && /^ {3,}\S/.test(lines[end]!)) end++;
  const heading = lines[0]!.slice(0, lines[0]!.indexOf(':') + 1);
  const [first, ...description] = lines[start]!.trim().split(/\s{2,}/);
  const rest = lines.slice(start + 1, end).map((l) => l.trim());
  // A syntax too long for one line goes on with more [--options] before the description starts.
  const wrapped = rest.filter((l, i) => rest.slice(0, i + 1).every((x) => x.startsWith('[') || x.startsWith('--')));
  const syntax = [first ?? name, ...wrapped].join(' ');
  const more = [...description, ...rest.slice(wrapped.length)];
  return [`${heading} amtc-guard ${syntax}`, ...more.map((l) => `  ${l}`)].join('\n');
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
