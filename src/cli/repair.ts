// `amtc-guard repair [--prefer credentials|config] [--json]`: exit 0 repaired or nothing to repair (the
// file is as Cloud9 wrote it, is not Cloud9's, or is not there; `--json`: `nothingToRepair: true` and
// `reason` nothing-to-repair / not-managed / no-file), 1 nothing done (a clash, a failed write),
// 2 unreadable input (a file the CLI cannot read or parse).
import { repairFiles, RepairOutcome } from '../core/profiles/repairFiles';
import { oneOf, parseArgs } from './args';
import { CliContext } from './context';
import { EXIT_OK, failureExit } from './exitCodes';

type Failure = Extract<RepairOutcome, { ok: false }>;
/** What leaves nothing to repair: success, said in one sentence. */
const NOTHING = ['nothing-to-repair', 'not-managed', 'no-file'] as const;
export type NothingToRepair = (typeof NOTHING)[number];
const isNothing = (p: Failure['problem']): p is NothingToRepair => (NOTHING as readonly string[]).includes(p);

export async function repairCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { flags } = parseArgs(argv, { json: 'boolean', prefer: 'string' });
  const prefer = oneOf(flags, 'prefer', ['credentials', 'config'] as const);
  const outcome = await repairFiles(ctx.paths, ctx.home, prefer);
  const m = ctx.messages.repair;
  if (outcome.ok) {
    if (flags.json) ctx.out(JSON.stringify(outcome));
    else ctx.out(m.done(outcome.moved, outcome.unmovable, ctx.paths.configFile, outcome.backups));
    return EXIT_OK;
  }
  const { problem } = outcome;
  if (isNothing(problem)) {
    if (flags.json) ctx.out(JSON.stringify({ ok: true, moved: [], unmovable: [], backups: [], nothingToRepair: true, reason: problem }));
    else ctx.out(m.nothing(problem, ctx.paths.credentialsFile));
    return EXIT_OK;
  }
  if (flags.json) ctx.out(JSON.stringify(outcome));
  else ctx.err(m.problem(problem, outcome.clashes ?? [], outcome.file ?? ''));
  return failureExit(problem);
}
