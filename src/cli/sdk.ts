// The AWS SDK for the commands that call AWS (verify, amtc): on a Node older than the SDK needs,
// one sentence (or a JSON object) instead of the SDK's failures and warnings; the caller exits 2.
import { SDK_MIN_NODE_MAJOR, sdkRunsOn, SdkModule } from '../core/aws/verify';
import { CliContext } from './context';
import { loadCliSdk } from './sdkLoader';

export function cliSdk(ctx: CliContext, command: string, json: Record<string, unknown> | false): SdkModule | undefined {
  if (sdkRunsOn(process.version)) return loadCliSdk();
  if (json) ctx.out(JSON.stringify({ ...json, ok: false, problem: 'node-too-old', node: process.version, requires: `>=${SDK_MIN_NODE_MAJOR}` }));
  else ctx.err(ctx.messages.nodeTooOld(command, process.version, SDK_MIN_NODE_MAJOR));
  return undefined;
}
