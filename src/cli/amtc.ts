// `amtc-guard amtc on|off [--yes] [--environment-id ID] [--endpoint-url URL] [--region R] [--json]`:
// turns AWS managed temporary credentials on or off with one signed cloud9:UpdateEnvironment call,
// then follows DescribeEnvironments until Cloud9's status settles. Exit 0 done, 1 refused or failed, 2 usage.
import { cloud9EnvironmentId, ENVIRONMENT_ID } from '../core/aws/cloud9Call';
import { setManagedCredentials } from '../core/aws/cloud9Update';
import type { ManagedCredentialsAction } from '../core/amtc/managedStatus';
import { parseArgs, UsageError, urlFlag } from './args';
import { confirm } from './confirm';
import { CliContext } from './context';
import { cliSdk } from './sdk';
import { readStatus } from './status';

export async function amtcCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { flags, positional } = parseArgs(argv, { yes: 'boolean', 'environment-id': 'string', 'endpoint-url': 'string', region: 'string', json: 'boolean' }, 1);
  const m = ctx.messages.after.amtc;
  if (positional[0] !== 'on' && positional[0] !== 'off') throw new UsageError({ code: 'needs-on-off' });
  const endpoint = urlFlag(flags, 'endpoint-url');
  const action: ManagedCredentialsAction = positional[0] === 'on' ? 'ENABLE' : 'DISABLE';
  const environmentId = cloud9EnvironmentId(ctx.env, flags['environment-id'] as string | undefined);
  if (!environmentId) {
    ctx.err(m.noEnvironment);
    return 2;
  }
  if (!ENVIRONMENT_ID.test(environmentId)) {
    ctx.err(m.problem('invalid-environment-id', environmentId));
    return 2;
  }
  const sdk = cliSdk(ctx, 'amtc', flags.json ? { action, environmentId } : false);
  if (!sdk) return 2;
  const status = await readStatus(ctx);
  const region = (flags.region as string | undefined) ?? status.amtc?.region ?? status.profiles.find((p) => p.name === status.activeProfile)?.region ?? ctx.env.AWS_REGION ?? ctx.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  if (!flags.json) ctx.err(action === 'DISABLE' ? m.beforeOff(ctx.paths.credentialsFile) : m.beforeOn(ctx.paths.credentialsFile));
  if (!flags.yes && !(await confirm(m.confirm(action, environmentId)))) {
    ctx.err(m.notConfirmed);
    return 1;
  }
  const outcome = await setManagedCredentials(sdk, {
    environmentId,
    action,
    region,
    paths: ctx.paths,
    profile: status.activeProfile,
    endpoint,
    onStatus: (s) => !flags.json && ctx.err(m.progress(ctx.messages.after.managedStatus(s))),
  });
  if (flags.json) {
    ctx.out(JSON.stringify({ action, environmentId, ...outcome }));
    return outcome.ok ? 0 : 1;
  }
  if (!outcome.ok) {
    ctx.err(m.problem(outcome.problem, outcome.code));
    return 1;
  }
  ctx.out(m.done(action, ctx.messages.after.managedStatus(outcome.status), outcome.settled, outcome.followCode));
  if (action === 'DISABLE' && status.amtc) ctx.out(m.afterOff(ctx.paths.credentialsFile));
  return 0;
}
