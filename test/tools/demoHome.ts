// The demo environment shared by `npm start` and the e2e test: a home directory with Cloud9's
// managed credentials (kept fresh by the simulator), a loopback fake AWS that answers like AMTC for
// ASIA keys, and a .bashrc whose `aws` function points the real AWS CLI v2 at the fake (CLI 2.9
// ignores AWS_ENDPOINT_URL, so the endpoint goes on each call).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { amtcAllows } from '../../src/core/amtc/allowList';
import { Cloud9Simulator } from './cloud9Simulator';
import { FakeAws, FakeCall, startFakeAws, TOKEN_INVALID } from './fakeAws';

/**
 * What the demo's user types into Add fallback profile (printed by `npm start`, typed by the e2e):
 * AWS's documented example key with its own tail, so c9_work (AKIA…ORK1) and the managed keys
 * (ASIA…0001, …) never mask alike.
 */
export const DEMO_KEY_ID = 'AKIAIOSFODNN7C9WORK1';
export const DEMO_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYC9WORKKEY';

export interface DemoHome {
  home: string;
  credentials: string;
  config: string;
  fake: FakeAws;
  simulator: Cloud9Simulator;
  /** User settings that point the extension's own AWS calls (Verify) at the fake. */
  settings: Record<string, string>;
  close(): Promise<void>;
}

/** How AWS answers under AMTC: ASIA (managed) keys get a token error for what AMTC does not allow. */
export function amtcLikePolicy(call: FakeCall): ReturnType<FakeAws['respond']> {
  if (!call.keyId?.startsWith('ASIA')) return { ok: true };
  const decision = amtcAllows(call.service, call.action, call.params.RoleName);
  if (decision === 'allowed') return { ok: true };
  return call.protocol === 'json'
    ? { ok: false, code: 'UnrecognizedClientException', message: TOKEN_INVALID }
    : { ok: false, code: 'InvalidClientTokenId', message: TOKEN_INVALID };
}

export async function createDemoHome(home: string, periodMs = 60_000): Promise<DemoHome> {
  const aws = path.join(home, '.aws');
  mkdirSync(aws, { recursive: true, mode: 0o700 });
  // As on a Cloud9 EC2 host: ~/.c9 is where Cloud9 keeps the IDE's files (a sign of Cloud9 even after
  // the managed credentials file was moved aside for the instance role).
  mkdirSync(path.join(home, '.c9'), { recursive: true });
  const fake = await startFakeAws(amtcLikePolicy);
  writeFileSync(path.join(home, '.bashrc'), [
    '# AMTC Guard demo: the real AWS CLI v2, pointed at a fake AWS on this machine (no real account needed).',
    'PS1="\\w \\$ "',
    `aws() { /usr/bin/aws --endpoint-url ${fake.url} "$@"; }`,
    'export AWS_PAGER=""',
    '',
  ].join('\n'));
  const credentials = path.join(aws, 'credentials');
  const simulator = new Cloud9Simulator({ file: credentials, periodMs });
  simulator.start();
  return {
    home,
    credentials,
    config: path.join(aws, 'config'),
    fake,
    simulator,
    settings: { 'amtcGuard.stsEndpoint': fake.url },
    async close() {
      simulator.stop();
      await fake.close();
    },
  };
}
