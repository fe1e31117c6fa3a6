// AMTC Guard's source.kind and works/fails against what the real AWS CLI 2.9.19 does in the same
// private home, with IMDS, the container endpoint and STS as loopback fakes (the CLI's own STS client
// reaches the fake through an AWS_DATA_PATH endpoint rule set; IMDS is always the fake or disabled).
// The CLI's source is read from the key that signed its call, or from its error when nothing was signed.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { ChainSourceKind } from '../../src/core/credentials/chainTypes';
import type { Env } from '../../src/core/credentials/resolve';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { chainStatus, HomeFiles, SSO_DEV_CONFIG, writeHome, writeRoleCache, writeSsoRoleCache, writeSsoToken } from '../tools/chainHome';
import { FAKE_IMDS_KEY, FakeImdsOptions, startFakeImds } from '../tools/fakeImds';
import { FAKE_CONTAINER_KEY, startFakeContainer } from '../tools/fakeContainer';
import { FakeAnswer, FakeCall, startFakeAws, TOKEN_INVALID } from '../tools/fakeAws';

const AWS = '/usr/bin/aws';
const MIN = 60_000;
const NOW = Date.now();
const AMTC_KEY = 'ASIAEXAMPLEKEY0C001';
const DEAD_IMDS_KEY = 'ASIAFAKEIMDSDEAD0001';
const ASSUMED = 'ASIAFAKEASSUMED00002';

/** Which source each planted key id stands for. */
const KEY_KIND: Record<string, ChainSourceKind> = {
  AKIASHAREDFILE000001: 'shared-credentials-file',
  [AMTC_KEY]: 'shared-credentials-file',
  AKIACONFIGFILE000001: 'config-file',
  AKIAENVIRONMENT00001: 'env',
  [FAKE_IMDS_KEY]: 'iam-role',
  [DEAD_IMDS_KEY]: 'iam-role',
  [FAKE_CONTAINER_KEY]: 'container-role',
  ASIAFAKESSOROLE00001: 'sso',
  ASIAFAKEASSUMED00001: 'assume-role',
  [ASSUMED]: 'assume-role',
  AKIABOTOKEY000000001: 'boto-config',
};

/** The CLI's error when it fails before signing anything, and the provider that raised it. */
const ERROR_KIND: [RegExp, ChainSourceKind | null][] = [
  [/Unable to locate credentials|could not be found|Invalid EC2 Instance Metadata endpoint mode/, null],
  [/Invalid endpoint EC2 Instance Metadata endpoint/, 'iam-role'],
  [/Error loading SSO Token|Token has expired and refresh failed|configured to use SSO|sso-session does not exist/, 'sso'],
  [/source_profile|Infinite loop|source profile|credential_source|credential source|in assume-role/, 'assume-role'],
  [/container-role|Unsupported host/, 'container-role'],
  [/Partial credentials found in shared-credentials-file/, 'shared-credentials-file'],
  [/No such file or directory/, 'assume-role-with-web-identity'],
];

const KEYS = (id: string): string => `aws_access_key_id = ${id}\naws_secret_access_key = fakeSecretKeyfakeSecretKey000000000000\n`;
const SSO = SSO_DEV_CONFIG;

interface Situation {
  name: string;
  files?: HomeFiles;
  setup?: (home: string) => void;
  env?: Env;
  profile?: string;
  /** The IMDS fake's behaviour, or 'off' for AWS_EC2_METADATA_DISABLED=true. */
  imds?: FakeImdsOptions | 'off';
  container?: { token?: string; status?: number };
  /** Keys the fake STS calls expired (dead AMTC or IMDS keys). */
  dead?: string[];
  /** Endpoint variables that depend on the fakes' URLs. */
  endpoints?: (u: { imds: string; container: string }) => Env;
  expectImdsUntouched?: boolean;
}

const SITUATIONS: Situation[] = [
  { name: 'static keys in the credentials file', files: { credentials: `[default]\n${KEYS('AKIASHAREDFILE000001')}` }, imds: 'off' },
  { name: 'static keys in the config file', files: { config: `[default]\n${KEYS('AKIACONFIGFILE000001')}` }, imds: 'off' },
  { name: 'a key id without its secret', files: { credentials: '[default]\naws_access_key_id = AKIASHAREDFILE000001\n' }, imds: 'off' },
  { name: 'env keys beat AWS_PROFILE naming an SSO profile', files: { config: SSO }, env: { AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 's' }, imds: 'off' },
  { name: '--profile drops env keys: SSO without a sign-in', files: { config: SSO }, env: { AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 's' }, profile: 'dev', imds: 'off' },
  { name: 'SSO token expired, no refresh token', files: { config: SSO }, setup: (h) => writeSsoToken(h, 'corp', NOW - 5 * MIN), profile: 'dev', imds: 'off' },
  {
    name: 'SSO token expired but cached role credentials with 50 minutes left',
    files: { config: SSO },
    setup: (h) => {
      writeSsoToken(h, 'corp', NOW - 5 * MIN);
      writeSsoRoleCache(h, { accountId: '111122223333', roleName: 'ReadOnly', sessionName: 'corp' }, NOW + 50 * MIN);
    },
    profile: 'dev',
    imds: 'off',
  },
  {
    name: 'assume role with Cloud9 managed keys as its source (AMTC cannot call sts:AssumeRole)',
    files: { credentials: amtcFile(NOW + 4 * MIN), credentialsAgeMin: 1, config: '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/DeployRole\nsource_profile = default\n' },
    profile: 'deploy',
    imds: 'off',
  },
  {
    name: 'assume role answered from the role cache the CLI wrote',
    files: { credentials: amtcFile(NOW + 4 * MIN), credentialsAgeMin: 1, config: '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/DeployRole\nsource_profile = default\n' },
    setup: (h) => writeRoleCache(h, { RoleArn: 'arn:aws:iam::123456789012:role/DeployRole' }, NOW + 60 * MIN),
    profile: 'deploy',
    imds: 'off',
  },
  { name: 'source_profile that does not exist', files: { config: '[profile deploy]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = nosuch\n' }, profile: 'deploy', imds: 'off' },
  { name: 'source_profile cycle a → b → a', files: { config: '[profile a]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = a\n' }, profile: 'a', imds: 'off' },
  { name: 'both source_profile and credential_source', files: { config: `[profile both]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = k\ncredential_source = Environment\n[profile k]\n${KEYS('AKIACONFIGFILE000001')}` }, profile: 'both', imds: 'off' },
  { name: 'credential_source that is not valid', files: { config: '[profile bad]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Ec2Instance\n' }, profile: 'bad', imds: 'off' },
  {
    name: 'credential_source = Ec2InstanceMetadata with an instance role: AssumeRole signed by the IMDS key',
    files: { config: '[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Ec2InstanceMetadata\n' },
    imds: {},
  },
  {
    name: 'the stale-AMTC trap: dead managed keys in the file, an instance role behind them',
    files: { credentials: amtcFile(NOW - 100 * MIN), credentialsAgeMin: 120 },
    imds: {},
    dead: [AMTC_KEY],
    expectImdsUntouched: true,
  },
  { name: 'header-only credentials file: the instance role is used', files: { credentials: '# Do not modify this file, if this file is modified it will not be updated.\n' }, imds: {} },
  { name: 'IMDSv1 fallback (token PUT 403)', imds: { mode: 'v1', tokenStatus: 403 } },
  { name: 'IMDS without an instance profile', imds: { mode: 'no-role' } },
  { name: 'IMDS token PUT answered 400', imds: { mode: 'token-400' } },
  { name: 'IMDS role that EC2 cannot assume (Code/Message, no keys)', imds: { mode: 'error-code' } },
  { name: 'IMDS credentials that are not JSON', imds: { mode: 'bad-json' } },
  { name: 'IMDS credentials already expired (the CLI signs with them anyway)', imds: { accessKeyId: DEAD_IMDS_KEY, expiresAt: NOW - 10 * MIN }, dead: [DEAD_IMDS_KEY] },
  { name: 'IMDS disabled', imds: 'off' },
  { name: 'IMDS endpoint without the trailing "/"', imds: {}, endpoints: (u) => ({ AWS_EC2_METADATA_SERVICE_ENDPOINT: u.imds.slice(0, -1) }) },
  { name: 'an invalid endpoint mode breaks even valid keys', files: { credentials: `[default]\n${KEYS('AKIASHAREDFILE000001')}` }, imds: 'off', env: { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'ipv5' } },
  { name: 'container endpoint with its authorization token', container: { token: 'Bearer fake' }, imds: {}, env: { AWS_CONTAINER_AUTHORIZATION_TOKEN: 'Bearer fake' }, expectImdsUntouched: true },
  { name: 'container endpoint on a host 2.9.19 refuses', imds: 'off', env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.2:9/creds' } },
  { name: 'container token only in a file (2.9.19 ignores _FILE): 401', container: { token: 'Bearer fake' }, imds: 'off', env: { AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/nonexistent/token' } },
  { name: 'a leftover ~/.boto beats the instance role', setup: (h) => writeFileSync(path.join(h, 'boto.cfg'), `[Credentials]\n${KEYS('AKIABOTOKEY000000001')}`), endpoints: () => ({}), imds: {}, env: {} },
  { name: 'an empty --profile is ignored: env keys still come first', files: { credentials: `[default]\n${KEYS('AKIASHAREDFILE000001')}` }, env: { AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 's' }, profile: '', imds: 'off' },
  { name: 'an empty --profile without env keys: [default]', files: { credentials: `[default]\n${KEYS('AKIASHAREDFILE000001')}` }, profile: '', imds: 'off' },
  { name: 'AWS_PROFILE naming a missing profile is not saved by env keys', env: { AWS_PROFILE: 'ghost', AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00001', AWS_SECRET_ACCESS_KEY: 's' }, imds: 'off' },
];

interface Outcome { code: number | null; stderr: string; kind: ChainSourceKind | null | 'unknown' }

async function runCli(args: string[], env: Env, calls: FakeCall[]): Promise<Outcome> {
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const p = spawn(AWS, args, { env: { PATH: process.env.PATH ?? '', ...env } });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.stdout.resume();
    p.on('close', (c) => resolve({ code: c, stderr: err }));
  });
  const signed = calls.find((c) => c.action === 'GetCallerIdentity');
  if (signed?.keyId) return { code, stderr, kind: KEY_KIND[signed.keyId] ?? 'unknown' };
  if (calls.some((c) => c.action === 'AssumeRole')) return { code, stderr, kind: 'assume-role' };
  const hit = ERROR_KIND.find(([re]) => re.test(stderr));
  return { code, stderr, kind: hit ? hit[1] : 'unknown' };
}

async function situation(s: Situation): Promise<void> {
  const home = tempDir('amtc-clichain-');
  const imds = s.imds === 'off' ? undefined : await startFakeImds(s.imds ?? {});
  const container = s.container ? await startFakeContainer(s.container) : undefined;
  const sts = await startFakeAws((call): FakeAnswer => {
    if (call.keyId && s.dead?.includes(call.keyId)) return { ok: false, code: 'ExpiredToken', message: 'The security token included in the request is expired' };
    if (call.action === 'AssumeRole') {
      if (call.keyId === AMTC_KEY) return { ok: false, code: 'InvalidClientTokenId', message: TOKEN_INVALID };
      return { ok: true, body: assumeRoleXml() };
    }
    return { ok: true };
  });
  try {
    const dataPath = path.join(home, 'data');
    mkdirSync(path.join(dataPath, 'sts', '2011-06-15'), { recursive: true });
    writeFileSync(path.join(dataPath, 'sts', '2011-06-15', 'endpoint-rule-set-1.json'), ruleSet(sts.url));
    writeHome(home, s.files ?? {});
    s.setup?.(home);
    const env: Env = {
      HOME: home,
      AWS_DATA_PATH: dataPath,
      AWS_DEFAULT_REGION: 'us-east-1',
      BOTO_CONFIG: path.join(home, 'boto.cfg'),
      ...(imds ? { AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url } : { AWS_EC2_METADATA_DISABLED: 'true' }),
      ...(container ? { AWS_CONTAINER_CREDENTIALS_FULL_URI: container.url } : {}),
      ...s.env,
      ...s.endpoints?.({ imds: imds?.url ?? '', container: container?.url ?? '' }),
    };
    const ours = await chainStatus(home, env, s.profile !== undefined ? { profile: s.profile } : {});
    const oursImds = imds?.requests.length ?? 0;
    const cli = await runCli(['sts', 'get-caller-identity', ...(s.profile !== undefined ? ['--profile', s.profile] : [])], env, sts.calls);
    const what = `${s.name}: ours ${ours.source.kind}/${ours.source.works}/${ours.source.problem}; CLI exit ${cli.code} via ${cli.kind}: ${cli.stderr.trim().slice(0, 300)}`;
    assert.equal(ours.source.kind, cli.kind, what);
    if (ours.source.works === 'ok') assert.equal(cli.code, 0, what);
    if (ours.source.works === 'fails') assert.notEqual(cli.code, 0, what);
    if (s.expectImdsUntouched) assert.equal(imds?.requests.length, 0, `${s.name}: neither asked IMDS (ours ${oursImds})`);
  } finally {
    await Promise.all([imds?.close(), container?.close(), sts.close()]);
  }
}

function ruleSet(url: string): string {
  return JSON.stringify({
    version: '1.0',
    parameters: { Region: { builtIn: 'AWS::Region', required: false, documentation: 'region', type: 'String' } },
    rules: [{ conditions: [], endpoint: { url: `${url}/`, properties: {}, headers: {} }, type: 'endpoint' }],
  });
}

function assumeRoleXml(): string {
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>${ASSUMED}</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKE:s</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></AssumeRoleResponse>`;
}

void test(`AMTC Guard and the real AWS CLI agree on the source and whether it works (${SITUATIONS.length} situations)`, { skip: !existsSync(AWS) && 'no AWS CLI v2 at /usr/bin/aws' }, async () => {
  assert.ok(SITUATIONS.length >= 20);
  // Three at a time: each CLI start costs a few seconds of CPU on a shared machine.
  const queue = [...SITUATIONS];
  const failures: string[] = [];
  await Promise.all([0, 1, 2].map(async () => {
    for (let s = queue.shift(); s; s = queue.shift()) {
      try {
        await situation(s);
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
    }
  }));
  assert.deepEqual(failures, []);
});
