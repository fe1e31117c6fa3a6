// `amtc-guard prompt`: a short state for the shell prompt (amtc:11m, amtc:expired, aws:c9_work,
// aws:sso:3h, aws:instance:52m, aws:dev:sso:fail): the source and its time left when it has one.
import { minutesLeft } from '../core/amtc/statusTimes';
import { parseArgs } from './args';
import { CliContext } from './context';
import { readStatus } from './status';

/** 52m, 3h, 2d: the prompt's compact time left. */
function compact(minutes: number): string {
  return minutes < 60 ? `${minutes}m` : minutes < 1440 ? `${Math.floor(minutes / 60)}h` : `${Math.floor(minutes / 1440)}d`;
}

export async function promptCommand(argv: string[], ctx: CliContext): Promise<number> {
  parseArgs(argv, {});
  const s = await readStatus(ctx);
  const now = ctx.now();
  const src = s.source;
  // Static keys say nothing beyond the profile; sources with a clock or a failure say it.
  const kind = src.kind ? ctx.messages.source.promptKind[src.kind] : '';
  const tail = !src.kind ? '' : src.works === 'fails' ? `${kind}:fail` : src.expiresAt !== null && src.kind ? `${kind}:${compact(minutesLeft(src.expiresAt, now))}` : src.kind && src.works !== 'unchecked' ? kind : '';
  const text =
    s.state === 'managed' ? `amtc:${minutesLeft(s.amtc!.expiresAt, now)}m`
    : s.state === 'expired' || s.state === 'modified' ? `amtc:${s.state}`
    : s.state === 'overridden' ? `aws:${s.profileFrom === 'env-keys' ? 'env' : s.activeProfile}${tail && src.kind !== 'env' ? `:${tail}` : ''}`
    : s.state === 'missing' ? `aws:${tail || 'none'}`
    : tail ? `aws:${tail}` : '';
  process.stdout.write(text);
  return 0;
}
