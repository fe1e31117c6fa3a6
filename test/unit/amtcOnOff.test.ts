// `amtc-guard amtc on|off` as a real process against a loopback Cloud9 that records each
// UpdateEnvironment (body and the SigV4 key id) and knows who owns the environment.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { FakeAws, FakeCall, startFakeAws } from '../tools/fakeAws';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { writeHome } from '../tools/chainHome';
import { runCli } from './cliRun';

const OWNER_KEY = 'ASIAEXAMPLEOWNER0001';
const MEMBER_KEY = 'ASIAEXAMPLEMEMBER001';
const ENV_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

/** Cloud9 as the tests need it: UpdateEnvironment by the owner moves the status through PENDING. */
function cloud9(): { respond: (c: FakeCall) => ReturnType<FakeAws['respond']>; status: string[] } {
  const state = { status: ['ENABLED_ON_CREATE'] };
  return {
    status: state.status,
    respond: (call) => {
      if (call.action === 'UpdateEnvironment') {
        if (call.keyId !== OWNER_KEY) return { ok: false, code: 'AccessDeniedException', message: 'User is not the owner of this environment' };
        const off = call.params.managedCredentialsAction === 'DISABLE';
        state.status.splice(0, state.status.length, ...(off ? ['PENDING_REMOVAL_BY_OWNER', 'DISABLED_BY_OWNER'] : ['ENABLED_BY_OWNER']));
        return { ok: true, body: '{}' };
      }
      if (call.action === 'DescribeEnvironments') {
        const s = state.status.length > 1 ? state.status.shift()! : state.status[0]!;
        return { ok: true, body: JSON.stringify({ environments: [{ id: call.params.environmentIds?.[0], managedCredentialsStatus: s }] }) };
      }
      return { ok: false, code: 'UnknownOperationException', message: 'not faked' };
    },
  };
}

let fake: FakeAws;
before(async () => {
  fake = await startFakeAws();
});
after(() => fake.close());

const home = (keyId: string): string => writeHome(tempDir(), { credentials: amtcFile(Date.now() + 300_000, { keyId }) }).home;

const env = (h: string, extra: Record<string, string> = {}): Record<string, string> => ({ HOME: h, C9_PID: ENV_ID, AWS_EC2_METADATA_DISABLED: 'true', ...extra });

void test('amtc off as the owner: one UpdateEnvironment signed with the managed key, then the status followed until it settles', async () => {
  const c9 = cloud9();
  fake.respond = c9.respond;
  fake.calls.length = 0;
  const r = await runCli(['amtc', 'off', '--yes', '--endpoint-url', fake.url], env(home(OWNER_KEY)));
  assert.equal(r.code, 0, r.stderr);
  const updates = fake.calls.filter((c) => c.action === 'UpdateEnvironment');
  assert.equal(updates.length, 1);
  assert.deepEqual(updates[0]!.params, { environmentId: ENV_ID, managedCredentialsAction: 'DISABLE' });
  assert.equal(updates[0]!.keyId, OWNER_KEY);
  assert.equal(updates[0]!.service, 'cloud9');
  const describes = fake.calls.filter((c) => c.action === 'DescribeEnvironments');
  assert.equal(describes.length, 2, 'PENDING_REMOVAL_BY_OWNER, then DISABLED_BY_OWNER');
  assert.match(r.stderr, /Cloud9 stops writing .*credentials/, 'what happens next is said before the call');
  assert.match(r.stderr, /being turned off by the owner/);
  assert.match(r.stdout, /Cloud9 accepted AMTC off; it now says: off \(turned off by the owner\)\./);
  assert.match(r.stdout, /amtc-guard use-instance-role/);
  assert.doesNotMatch(r.stdout + r.stderr, new RegExp(OWNER_KEY), 'no full key id');
});

void test('amtc on: ENABLE in the body; --json reports the settled status', async () => {
  fake.respond = cloud9().respond;
  fake.calls.length = 0;
  const r = await runCli(['amtc', 'on', '--yes', '--json', '--endpoint-url', fake.url], env(home(OWNER_KEY)));
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(fake.calls.find((c) => c.action === 'UpdateEnvironment')!.params, { environmentId: ENV_ID, managedCredentialsAction: 'ENABLE' });
  const json = JSON.parse(r.stdout) as { action: string; ok: boolean; settled: boolean; status: { value: string; phase: string } };
  assert.equal(json.action, 'ENABLE');
  assert.equal(json.settled, true);
  assert.deepEqual([json.status.value, json.status.phase], ['ENABLED_BY_OWNER', 'enabled']);
});

void test('not the owner: AccessDeniedException becomes one sentence, exit 1, no status calls; in Japanese too', async () => {
  fake.respond = cloud9().respond;
  fake.calls.length = 0;
  const r = await runCli(['amtc', 'off', '--yes', '--endpoint-url', fake.url], env(home(MEMBER_KEY)));
  assert.equal(r.code, 1);
  assert.equal(fake.calls.find((c) => c.action === 'UpdateEnvironment')!.keyId, MEMBER_KEY);
  assert.equal(fake.calls.filter((c) => c.action === 'DescribeEnvironments').length, 0);
  const last = r.stderr.trim().split('\n').at(-1)!;
  assert.equal(last, "amtc-guard: only the environment's owner can turn AMTC off or on; nothing was changed.");
  const ja = await runCli(['amtc', 'off', '--yes', '--endpoint-url', fake.url], env(home(MEMBER_KEY), { LANG: 'ja_JP.UTF-8' }));
  assert.match(ja.stderr, /AMTC をオフ・オンにできるのは環境の所有者だけです/);
});

void test('environment id: --environment-id beats C9_PID, CLOUD9_ENVIRONMENT_ID is used, none or a bad one changes nothing', async () => {
  fake.respond = cloud9().respond;
  fake.calls.length = 0;
  const h = home(OWNER_KEY);
  assert.equal((await runCli(['amtc', 'on', '--yes', '--environment-id', 'ffff0000ffff0000', '--endpoint-url', fake.url], env(h))).code, 0);
  assert.equal(fake.calls[0]!.params.environmentId, 'ffff0000ffff0000');
  fake.calls.length = 0;
  assert.equal((await runCli(['amtc', 'on', '--yes', '--endpoint-url', fake.url], { HOME: h, CLOUD9_ENVIRONMENT_ID: 'eeee1111eeee1111', AWS_EC2_METADATA_DISABLED: 'true' })).code, 0);
  assert.equal(fake.calls[0]!.params.environmentId, 'eeee1111eeee1111');
  fake.calls.length = 0;
  const none = await runCli(['amtc', 'off', '--yes', '--endpoint-url', fake.url], { HOME: h, AWS_EC2_METADATA_DISABLED: 'true' });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /pass --environment-id ID/);
  const bad = await runCli(['amtc', 'off', '--yes', '--environment-id', 'not/an id', '--endpoint-url', fake.url], env(h));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /8 to 32 letters or digits .*nothing was changed/);
  const usage = await runCli(['amtc', 'sideways'], env(h));
  assert.equal(usage.code, 2);
  assert.equal(fake.calls.length, 0, 'no call for a missing, bad or unusable id');
});

void test('without --yes and without a terminal nothing is asked and nothing changes', async () => {
  fake.respond = cloud9().respond;
  fake.calls.length = 0;
  const r = await runCli(['amtc', 'off', '--endpoint-url', fake.url], env(home(OWNER_KEY)));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /nothing was changed \(add --yes/);
  assert.equal(fake.calls.length, 0);
});
