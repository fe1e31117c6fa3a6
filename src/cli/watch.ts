// `amtc-guard watch`: one line, redrawn on every change, until Ctrl-C.
import { CredentialMonitor } from '../core/amtc/monitor';
import { CredentialStatus } from '../core/amtc/state';
import { nextMinuteTick } from '../core/amtc/statusTimes';
import { parseArgs } from './args';
import { CliContext } from './context';
import { headline, sourceLine } from './renderStatus';
import { plainText } from '../core/text/plainText';

export async function watchCommand(argv: string[], ctx: CliContext): Promise<number> {
  parseArgs(argv, {});
  const tty = process.stdout.isTTY;
  let last: CredentialStatus | undefined;
  let tick: NodeJS.Timeout | undefined;
  const draw = (): void => {
    if (!last) return;
    const now = ctx.now();
    const line = plainText(`${headline(last, ctx.messages, now)} [${sourceLine(last.source, ctx.messages, now, true)}]` + (last.problems.length ? ` (${ctx.messages.fields.problems(last.problems.length)})` : ''));
    process.stdout.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    clearTimeout(tick);
    const countdown = last.state === 'managed' && last.amtc ? last.amtc.expiresAt : last.source.expiresAt;
    if (countdown !== null && countdown > now) tick = setTimeout(draw, nextMinuteTick(countdown, now) - now + 5);
  };
  const monitor = new CredentialMonitor({
    settings: () => ({ paths: ctx.paths, env: ctx.env, lifetimeMs: ctx.lifetimeMs, chain: { home: ctx.home, probe: true } }),
    onStatus: (s) => {
      last = s;
      draw();
    },
    onError: (e) => ctx.err(ctx.messages.internalError(e instanceof Error ? e.message : String(e))),
  });
  // Ctrl-C is heard from the start: the first line is drawn while the monitor starts.
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await monitor.start();
  await stopped;
  clearTimeout(tick);
  await monitor.dispose();
  if (tty) process.stdout.write('\n');
  return 0;
}
