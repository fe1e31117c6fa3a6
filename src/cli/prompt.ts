// `amtc-guard prompt`: a short state for the shell prompt (amtc:11m, amtc:expired, aws:c9_work).
import { minutesLeft } from '../core/amtc/statusTimes';
import { parseArgs } from './args';
import { CliContext } from './context';
import { readStatus } from './status';

export async function promptCommand(argv: string[], ctx: CliContext): Promise<number> {
  parseArgs(argv, {});
  const s = await readStatus(ctx);
  const now = ctx.now();
  const text =
    s.state === 'managed' ? `amtc:${minutesLeft(s.amtc!.expiresAt, now)}m`
    : s.state === 'expired' || s.state === 'modified' ? `amtc:${s.state}`
    : s.state === 'overridden' ? `aws:${s.profileFrom === 'env-keys' ? 'env' : s.activeProfile}`
    : s.state === 'missing' ? 'aws:none'
    : '';
  process.stdout.write(text);
  return 0;
}
