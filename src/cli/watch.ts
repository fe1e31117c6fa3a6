// `amtc-guard watch`: one line, redrawn on every change, until Ctrl-C.
import { CredentialMonitor } from '../core/amtc/monitor';
import { CredentialStatus } from '../core/amtc/state';
import { nextMinuteTick } from '../core/amtc/statusTimes';
import { parseArgs } from './args';
import { CliContext } from './context';
import { headline } from './renderStatus';
import { plainText } from '../core/text/plainText';

export async function watchCommand(argv: string[], ctx: CliContext): Promise<number> {
  parseArgs(argv, {});
  const tty = process.stdout.isTTY;
  let last: CredentialStatus | undefined;
  let tick: NodeJS.Timeout | undefined;
  const draw = (): void => {
    if (!last) return;
    const line = plainText(headline(last, ctx.messages, ctx.now()) + (last.problems.length ? ` (${last.problems.length} ${ctx.messages.fields.problems})` : ''));
    process.stdout.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
    clearTimeout(tick);
    if (last.state === 'managed' && last.amtc) tick = setTimeout(draw, nextMinuteTick(last.amtc.expiresAt, ctx.now()) - ctx.now() + 5);
  };
  const monitor = new CredentialMonitor({
    settings: () => ({ paths: ctx.paths, env: ctx.env, lifetimeMs: ctx.lifetimeMs }),
    onStatus: (s) => {
      last = s;
      draw();
    },
    onError: (e) => ctx.err(ctx.messages.internalError(e instanceof Error ? e.message : String(e))),
  });
  await monitor.start();
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  clearTimeout(tick);
  await monitor.dispose();
  if (tty) process.stdout.write('\n');
  return 0;
}
