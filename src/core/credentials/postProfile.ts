// The providers outside profiles: environment keys (first in the chain), then after the profile's own
// providers the old EC2 credentials file, boto config, the container endpoint and the instance role.
// The two endpoints are asked by the caller (check.ts); here their answers become sources.
import { parseCliView, sectionValues } from '../ini/cliView';
import { parseDocument } from '../ini/document';
import { expandPath } from './resolve';
import type { ChainSource } from './chainTypes';
import { ChainContext, fails, masked, source } from './chainContext';
import { containerSettings } from './container';
import type { ImdsSettings } from './chainTypes';

/** EnvProvider: AWS_ACCESS_KEY_ID non-empty; a missing secret stops the chain; an expiry is honoured. */
export function envKeys(ctx: ChainContext): ChainSource | undefined {
  const env = ctx.input.env;
  if (!env.AWS_ACCESS_KEY_ID) return undefined;
  const base: Partial<ChainSource> = { from: 'AWS_ACCESS_KEY_ID', keyId: masked(env.AWS_ACCESS_KEY_ID) };
  if (!env.AWS_SECRET_ACCESS_KEY) return fails('env', 'partial-keys', { ...base, detail: 'AWS_SECRET_ACCESS_KEY' });
  if (env.AWS_CREDENTIAL_EXPIRATION) {
    const expiresAt = Date.parse(env.AWS_CREDENTIAL_EXPIRATION);
    if (!Number.isNaN(expiresAt)) {
      ctx.changesAt(expiresAt);
      if (ctx.now >= expiresAt) return fails('env', 'expired', { ...base, expiresAt });
      return source('env', { ...base, expiresAt });
    }
  }
  return source('env', base);
}

/** OriginalEC2Provider: AWS_CREDENTIAL_FILE with `AWSAccessKeyId=` lines; a missing file stops the chain. */
function ec2CredentialsFile(ctx: ChainContext): ChainSource | undefined {
  const raw = ctx.input.env.AWS_CREDENTIAL_FILE;
  if (raw === undefined) return undefined;
  const p = raw === '~' || raw.startsWith('~/') ? ctx.input.home + raw.slice(1) : raw;
  const file = ctx.read(p);
  if (!('text' in file)) return fails('ec2-credentials-file', 'file-missing', { from: p });
  const values = new Map<string, string>();
  for (const line of file.text.split(/\r\n|\r|\n/)) {
    const eq = line.indexOf('=');
    if (eq >= 0) values.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  if (!values.has('AWSAccessKeyId')) return undefined;
  const base: Partial<ChainSource> = { from: p, keyId: masked(values.get('AWSAccessKeyId')) };
  if (!values.has('AWSSecretKey')) return fails('ec2-credentials-file', 'partial-keys', { ...base, detail: 'AWSSecretKey' });
  return source('ec2-credentials-file', base);
}

/** BotoProvider: BOTO_CONFIG, else /etc/boto.cfg then ~/.boto, section [Credentials]. */
function botoConfig(ctx: ChainContext): ChainSource | undefined {
  const { env, home } = ctx.input;
  const candidates = env.BOTO_CONFIG !== undefined ? [env.BOTO_CONFIG] : (ctx.input.botoDefaults ?? ['/etc/boto.cfg', '~/.boto']);
  for (const c of candidates) {
    const p = expandPath(c, env, home);
    const file = ctx.read(p);
    if (!('text' in file)) continue;
    const view = parseCliView(parseDocument(file.text));
    if (view.error) return fails('boto-config', 'cli-cannot-parse', { from: p, line: view.error.line, detail: view.error.code });
    const section = view.sections.find((s) => s.name === 'Credentials');
    if (!section) continue;
    const values = sectionValues(view, section);
    const keyId = values.get('aws_access_key_id');
    if (keyId === undefined) continue;
    const base: Partial<ChainSource> = { from: p, line: section.options.get('aws_access_key_id')?.line ?? null, keyId: masked(typeof keyId === 'string' ? keyId : null) };
    if (!values.has('aws_secret_access_key')) return fails('boto-config', 'partial-keys', { ...base, detail: 'aws_secret_access_key' });
    return source('boto-config', base);
  }
  return undefined;
}

/** ContainerProvider: either URI variable set; every failure stops the chain (no fall-through to IMDS). */
function containerRole(ctx: ChainContext): ChainSource | undefined {
  const s = containerSettings(ctx.input.env);
  if (!s) return undefined;
  if (!s.ok) return fails('container-role', 'container-bad-host', { from: s.url, detail: s.host });
  const answer = ctx.answers.container;
  if (!answer) {
    ctx.pending.container = s.settings;
    return source('container-role', { from: s.settings.url, detail: 'checking' });
  }
  if (!answer.ok) return fails('container-role', answer.problem, { from: answer.from, detail: answer.detail ?? null });
  return expiring(ctx, 'container-role', answer.expiresAt, { from: answer.from, keyId: answer.accessKeyId });
}

/** InstanceMetadataProvider: every IMDS failure passes (the chain then ends); a glued endpoint raises. */
function instanceRole(ctx: ChainContext, imds: ImdsSettings): ChainSource | undefined {
  const answer = ctx.answers.imds;
  if (!answer) {
    ctx.pending.imds = imds;
    return source('iam-role', { from: imds.baseUrl, detail: 'checking' });
  }
  if (answer.ok) return expiring(ctx, 'iam-role', answer.expiresAt, { from: answer.from, keyId: answer.accessKeyId, detail: answer.roleName });
  if (answer.problem === 'bad-endpoint') return fails('iam-role', 'imds-bad-endpoint', { from: answer.from, detail: answer.detail ?? null });
  return undefined;
}

/** Credentials from an endpoint: ok until their Expiration; the CLI signs with expired ones anyway, and they fail. */
function expiring(ctx: ChainContext, kind: 'container-role' | 'iam-role', expiresAt: number | null, fields: Partial<ChainSource>): ChainSource {
  ctx.changesAt(expiresAt);
  if (expiresAt !== null && ctx.now >= expiresAt) return fails(kind, 'expired', { ...fields, expiresAt });
  return source(kind, { ...fields, works: 'ok', expiresAt });
}

export function afterProfile(ctx: ChainContext, imds: ImdsSettings): ChainSource | undefined {
  return ec2CredentialsFile(ctx) ?? botoConfig(ctx) ?? containerRole(ctx) ?? instanceRole(ctx, imds);
}

const CANONICAL = ['Environment', 'EcsContainer', 'Ec2InstanceMetadata'] as const;

/** credential_source must name one of these exactly (botocore's is_supported compares case-sensitively). */
export function isCanonicalSource(name: string): boolean {
  return (CANONICAL as readonly string[]).includes(name);
}

/** What a credential_source yields: the environment's keys (even under --profile), the container, or IMDS. */
export function credentialSourceProvider(ctx: ChainContext, name: string): ChainSource | undefined {
  if (name === 'Environment') return envKeys(ctx);
  if (name === 'EcsContainer') return containerRole(ctx);
  if (!ctx.imds) return undefined;
  const s = instanceRole(ctx, ctx.imds);
  return s;
}
