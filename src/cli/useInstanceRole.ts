// `amtc-guard use-instance-role [--yes] [--undo] [--json]`: moves Cloud9's managed credentials file
// aside (a 0600 copy next to the backups) so the AWS CLI reaches the instance role, or puts it back.
// Exit 0 done (or nothing to undo), 1 refused (nothing changed), 2 bad usage or unreadable input.
import { planUseInstanceRole, undoUseInstanceRole, useInstanceRole } from '../core/amtc/useInstanceRole';
import { parseArgs } from './args';
import { confirm } from './confirm';
import { CliContext } from './context';
import { EXIT_OK, EXIT_PROBLEM, failureExit } from './exitCodes';

export async function useInstanceRoleCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { flags } = parseArgs(argv, { yes: 'boolean', undo: 'boolean', json: 'boolean' });
  const m = ctx.messages.after.useRole;
  const say = (text: string, isError = false): void => {
    if (!flags.json) (isError ? ctx.err : ctx.out)(text);
  };
  if (flags.undo) {
    const r = await undoUseInstanceRole(ctx.paths);
    if (r.ok) {
      if (flags.json) ctx.out(JSON.stringify(r));
      else say(m.undone(r.target, r.aside));
      return EXIT_OK;
    }
    const { failure } = r;
    // Nothing was moved aside: the file is where it belongs, which is what --undo is for.
    if (failure === 'nothing-to-undo') {
      if (flags.json) ctx.out(JSON.stringify({ ok: true, nothingToUndo: true, target: r.target }));
      else say(m.nothingToUndo(r.target));
      return EXIT_OK;
    }
    if (flags.json) ctx.out(JSON.stringify(r));
    else say(m.undoProblem(failure, r.target, r.aside), true);
    return EXIT_PROBLEM;
  }
  const check = await planUseInstanceRole({ env: ctx.env, paths: ctx.paths, now: ctx.now(), lifetimeMs: ctx.lifetimeMs });
  if (!check.ok) {
    if (flags.json) ctx.out(JSON.stringify(check));
    say(m.refused(check.problem, ctx.paths.credentialsFile, check.detail), true);
    return failureExit(check.problem);
  }
  const { plan } = check;
  const minutes = plan.role.expiresAt === null ? null : Math.max(0, Math.floor((plan.role.expiresAt - ctx.now()) / 60_000));
  say(m.plan(plan.file, plan.role.roleName, plan.role.accessKeyId, minutes, plan.keysLive, plan.behind), true);
  if (plan.shape === 'modified') {
    // Never on --yes alone: the file holds more than Cloud9 wrote, and that would move too.
    say(m.modified(plan.file), true);
    if (!(await confirm(m.confirmModified))) {
      say(m.notConfirmed, true);
      return EXIT_PROBLEM;
    }
  } else if (!flags.yes && !(await confirm(m.confirm(plan.file)))) {
    say(m.notConfirmed, true);
    return EXIT_PROBLEM;
  }
  const moved = await useInstanceRole(plan, ctx.home);
  if (flags.json) ctx.out(JSON.stringify({ ...moved, role: plan.role }));
  if (!moved.ok) {
    say(m.moveProblem(moved.failure, moved.target), true);
    return EXIT_PROBLEM;
  }
  say(m.moved(moved.target, moved.aside, plan.behind ?? plan.role.roleName, plan.role.accessKeyId, minutes));
  return EXIT_OK;
}
