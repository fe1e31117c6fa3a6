// What the AWS CLI reaches once Cloud9's managed credentials file is out of the way (SPEC §8): the
// config file's own [default] source, and the instance role on IMDS. Read-only, so the status path
// (staleKeys.ts) asks it without loading the writer that "Use the instance role" needs.
import { parseCliView } from '../ini/cliView';
import { parseDocument } from '../ini/document';
import { buildProfileMap, stringValue } from '../ini/profiles';
import type { ImdsAnswer, ImdsProblemCode } from '../credentials/chainTypes';
import { imdsSettings, probeImds } from '../credentials/imds';
import { activeProfile, credentialSource, SourceKind } from '../credentials/resolve';
import type { UseRoleInput } from './useInstanceRole';

export type RoleProbe = Extract<ImdsAnswer, { ok: true }> | { ok: false; problem: ImdsProblemCode | 'imds-settings'; detail?: string };

/**
 * What the AWS CLI reaches once the credentials file is out of the way: the config file's own
 * [default] source if it has one, and the instance role (IMDS asked with the profile's knobs).
 */
export async function behindTheFile(input: Pick<UseRoleInput, 'env' | 'probe'>, configText: string | undefined): Promise<{ role: RoleProbe; behind: SourceKind | null }> {
  const configProfiles = buildProfileMap(configText === undefined ? undefined : parseCliView(parseDocument(configText)), undefined);
  const behind = credentialSource(configProfiles.get('default'))?.kind ?? null;
  const entry = configProfiles.get(activeProfile(input.env).name);
  const settings = imdsSettings(input.env, (k) => stringValue(entry, k));
  if (!settings.ok) return { role: { ok: false, problem: 'imds-settings', detail: settings.problem }, behind };
  const answer = await (input.probe ?? probeImds)(settings.settings);
  return { role: answer.ok ? answer : { ok: false, problem: answer.problem, detail: answer.problem }, behind };
}
