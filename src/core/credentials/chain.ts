// Which source AWS CLI 2.9.19 will use for a profile, whether it works and until when (SPEC §7),
// in botocore's order (credentials.py create_credential_resolver): env → assume-role → the profile's
// providers → ec2-credentials-file → boto-config → container-role → iam-role. Pure: files (through
// the reader), env, clock and the endpoints' answers in; data out. check.ts does the I/O around it.
import { stringValue } from '../ini/profiles';
import type { ChainInput, ChainReader, ChainResult, ChainSource, ProbeAnswers } from './chainTypes';
import { ChainContext, fails } from './chainContext';
import { imdsSettings } from './imds';
import { assumeRole, hasRoleVars } from './assumeRole';
import { profileProviders } from './profileSources';
import { afterProfile, envKeys } from './postProfile';

/** The profile the CLI reads: --profile, AWS_PROFILE, AWS_DEFAULT_PROFILE, else default. */
export function chainProfile(input: Pick<ChainInput, 'env' | 'profileFlag'>): string {
  return input.profileFlag ?? input.env.AWS_PROFILE ?? input.env.AWS_DEFAULT_PROFILE ?? 'default';
}

export function resolveChain(input: ChainInput, read: ChainReader, answers: ProbeAnswers = {}): ChainResult {
  const ctx = new ChainContext(input, read, answers);
  const profile = chainProfile(input);
  const src = resolve(ctx, profile);
  const pending = ctx.pending.imds || ctx.pending.container ? ctx.pending : null;
  return { source: src, profile, files: [...ctx.files], unread: [...ctx.unread], pending, nextChangeAt: ctx.nextChangeAt };
}

function resolve(ctx: ChainContext, profile: string): ChainSource {
  const { input } = ctx;
  // Broken before any provider: an unparsable file, a missing named profile, IMDS settings the
  // chain cannot even be built with. Env keys do not save a missing profile.
  if (input.unparsable) return fails(null, 'cli-cannot-parse', { file: input.unparsable, from: input.unparsable === 'credentials' ? input.credentialsFile : input.configFile });
  const entry = input.profiles.get(profile);
  // A missing [default] is fine only when no profile was named (botocore's get_scoped_config).
  const named = input.profileFlag !== undefined || input.env.AWS_PROFILE !== undefined || input.env.AWS_DEFAULT_PROFILE !== undefined;
  if (!entry && (profile !== 'default' || named)) return fails(null, 'profile-not-found', { profile, detail: profile });
  const imds = imdsSettings(input.env, (k) => stringValue(entry, k));
  if (!imds.ok) return fails(null, imds.problem, { profile, detail: imds.detail });
  ctx.imds = imds.settings;

  const disableEnv = input.profileFlag !== undefined;
  const found =
    (disableEnv ? undefined : envKeys(ctx)) ??
    (hasRoleVars(entry) ? assumeRole(ctx, profile, [profile]) : undefined) ??
    profileProviders(ctx, profile, disableEnv) ??
    afterProfile(ctx, imds.settings);
  if (found) return found;
  // "Unable to locate credentials": say what IMDS answered, the last place the CLI looked.
  const imdsAnswer = ctx.answers.imds;
  return fails(null, 'no-credentials', { profile, from: imds.settings.baseUrl, detail: imdsAnswer && !imdsAnswer.ok ? imdsAnswer.problem : null });
}

