// `amtc-guard repair [--prefer credentials|config] [--json]`: exit 0 repaired, 1 nothing done (clash or
// nothing to repair), 2 unreadable input.
import { repairFiles } from '../core/profiles/repairFiles';
import { parseArgs, UsageError } from './args';
import { CliContext } from './context';

export async function repairCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { flags } = parseArgs(argv, { json: 'boolean', prefer: 'string' });
  const prefer = flags.prefer as string | undefined;
  if (prefer !== undefined && prefer !== 'credentials' && prefer !== 'config') throw new UsageError('--prefer is credentials or config');
  const outcome = await repairFiles(ctx.paths, ctx.home, prefer);
  if (flags.json) ctx.out(JSON.stringify(outcome));
  const m = ctx.messages.repair;
  if (outcome.ok) {
    if (!flags.json) ctx.out(m.done(outcome.moved, outcome.unmovable, ctx.paths.configFile, outcome.backups));
    return 0;
  }
  if (!flags.json) ctx.err(m.problem(outcome.problem, outcome.clashes ?? [], outcome.file ?? ''));
  return outcome.problem === 'unreadable' || outcome.problem === 'cli-cannot-parse' ? 2 : 1;
}
