// `amtc-guard explain`: reads a failed command's output on stdin (streamed, bounded memory) and
// says whether AWS managed temporary credentials caused it. Exit 1 when AMTC is the likely cause.
import { fallbackProfiles } from '../core/amtc/state';
import { judge, statusContext, Verdict } from '../core/amtc/verdict';
import { ErrorScanner } from '../core/terminal/scan';
import { maskSecretsIn } from '../core/mask';
import { parseArgs, UsageError } from './args';
import { CliContext } from './context';
import { readStatus } from './status';

export async function explainCommand(argv: string[], ctx: CliContext, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const { flags } = parseArgs(argv, { json: 'boolean', hint: 'boolean', command: 'string', 'exit-code': 'string' });
  const exitText = flags['exit-code'] as string | undefined;
  if (exitText !== undefined && !/^-?\d{1,9}$/.test(exitText)) throw new UsageError({ code: 'whole-number', option: '--exit-code', value: exitText });
  const exitCode = exitText === undefined ? undefined : Number(exitText);
  const scanner = new ErrorScanner();
  if ((input as NodeJS.ReadStream).isTTY && !flags.hint) ctx.err(ctx.messages.explain.pasteHint);
  input.setEncoding('utf8');
  for await (const chunk of input) scanner.feed(chunk as string);
  const status = await readStatus(ctx);
  const verdict = judge({
    error: scanner.finish(),
    commandLine: flags.command as string | undefined,
    exitCode,
    ...statusContext(status),
  });
  const fallback = fallbackProfiles(status)[0];
  if (flags.hint) {
    // For the shell hook: one coloured line under the error, only when AMTC is the cause.
    const color = !!process.stdout.isTTY || !!ctx.env.AMTC_GUARD_COLOR;
    if (verdict.amtc) ctx.out(ctx.messages.explain.hint(verdict, fallback, color));
    // A failing source (an SSO session that ended) is named too: it is what the error really means.
    else if (verdict.reason === 'source-fails') ctx.out(`${color ? '\x1b[1;33mamtc-guard:\x1b[0m' : 'amtc-guard:'} ${ctx.messages.explain.reason(verdict)}`);
    return 0;
  }
  if (flags.json) ctx.out(JSON.stringify(verdictJson(verdict)));
  else ctx.out(explainLines(verdict, ctx, fallback).join('\n'));
  return verdict.amtc ? 1 : 0;
}

function verdictJson(v: Verdict): object {
  return { error: v.error && { ...v.error, message: maskSecretsIn(v.error.message) }, action: v.action, reason: v.reason, amtc: v.amtc, likely: v.likely, alsoPossible: v.alsoPossible, roleName: v.roleName, because: v.because, fixes: v.fixes, source: v.source && { kind: v.source.kind, problem: v.source.problem, profile: v.source.profile, signInProfile: v.source.signInProfile } };
}

function explainLines(v: Verdict, ctx: CliContext, fallback: string | undefined): string[] {
  const m = ctx.messages.explain;
  const lines = [v.likely ? m.likely(m.reason(v)) : m.reason(v)];
  for (const reason of v.alsoPossible) lines.push(m.lessLikely(m.reason({ ...v, reason })));
  if (v.error) lines.push(`  ${v.error.code}${v.error.operation ? ` (${v.error.operation})` : ''}: ${maskSecretsIn(v.error.message)}`);
  for (const f of v.fixes) {
    const text = m.fix(f, fallback);
    if (text) lines.push(`  → ${text}`);
  }
  if (v.likely) lines.push(`  → ${m.withCommand}`);
  return lines;
}
