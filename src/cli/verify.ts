// `amtc-guard verify [--profile N] [--endpoint-url URL] [--json]`: exit 0 when STS accepts the profile.
import { verifyProfile } from '../core/aws/verify';
import { parseArgs, urlFlag } from './args';
import { CliContext } from './context';
import { cliSdk } from './sdk';
import { readStatus } from './status';

export async function verifyCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { flags } = parseArgs(argv, { profile: 'string', 'endpoint-url': 'string', region: 'string', json: 'boolean' });
  const endpoint = urlFlag(flags, 'endpoint-url');
  const status = await readStatus(ctx);
  const profile = (flags.profile as string | undefined) ?? status.activeProfile;
  const region = (flags.region as string | undefined) ?? status.profiles.find((p) => p.name === profile)?.region ?? ctx.env.AWS_REGION ?? ctx.env.AWS_DEFAULT_REGION ?? undefined;
  const sdk = cliSdk(ctx, 'verify', flags.json ? { profile } : false);
  if (!sdk) return 2;
  const outcome = await verifyProfile(sdk, { profile, paths: ctx.paths, region: region ?? undefined, endpoint });
  if (flags.json) ctx.out(JSON.stringify({ profile, ...outcome }));
  else if (outcome.ok) ctx.out(ctx.messages.verify.ok(profile, outcome.arn, outcome.account, outcome.keyId, outcome.temporary));
  else ctx.err(ctx.messages.verify.problem(profile, outcome.problem, outcome.code));
  return outcome.ok ? 0 : 1;
}
