import { computeStatus, CredentialStatus } from '../core/amtc/state';
import { readStable } from '../core/files/read';
import { parseArgs } from './args';
import { CliContext } from './context';
import { statusJson, statusLines } from './renderStatus';

export async function readStatus(ctx: CliContext): Promise<CredentialStatus> {
  const [credentials, config] = await Promise.all([readStable(ctx.paths.credentialsFile), readStable(ctx.paths.configFile)]);
  return computeStatus({ env: ctx.env, credentials, config, now: ctx.now(), lifetimeMs: ctx.lifetimeMs });
}

/** Exit 1 when the AWS CLI's default credentials are broken or about to be. */
export function exitCodeFor(s: CredentialStatus): number {
  return s.state === 'expired' || s.state === 'modified' || s.state === 'missing' ? 1 : 0;
}

export async function statusCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { flags } = parseArgs(argv, { json: 'boolean' });
  const s = await readStatus(ctx);
  if (flags.json) ctx.out(JSON.stringify(statusJson(s)));
  else ctx.out(statusLines(s, ctx.messages, ctx.now()).join('\n'));
  return exitCodeFor(s);
}
