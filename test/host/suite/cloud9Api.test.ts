// On a Cloud9 host, the tooltip shows what Cloud9 itself says about managed credentials
// (cloud9:DescribeEnvironments → managedCredentialsStatus), asked of a loopback fake.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { FakeAws, startFakeAws } from '../../tools/fakeAws';
import { activeExtension, CREDENTIALS, resetAwsDir } from './fixtures';
import { amtcItem, eventually, probe } from './probeClient';

describe('Cloud9 API status', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  let fake: FakeAws;

  before(async () => {
    resetAwsDir();
    sim.start();
    fake = await startFakeAws((call) =>
      call.action === 'DescribeEnvironments'
        ? { ok: true, body: JSON.stringify({ environments: [{ id: call.params.environmentIds?.[0], type: 'ec2', managedCredentialsStatus: 'DISABLED_BY_OWNER' }] }) }
        : { ok: false, code: 'AccessDeniedException', message: 'unexpected call' });
    await activeExtension();
  });
  after(async () => {
    sim.stop();
    await fake.close();
  });

  it('asks DescribeEnvironments for C9_PID, signed with the managed key, and shows the answer in the tooltip', async () => {
    await eventually(amtcItem, (i) => /AMTC \d+m/.test(i?.text ?? ''), 'managed');
    await vscode.workspace.getConfiguration('amtcGuard').update('cloud9Endpoint', fake.url, vscode.ConfigurationTarget.Global);
    await eventually(() => Promise.resolve(fake.calls.length), (n) => n > 0, 'the DescribeEnvironments call', 15_000);
    const call = fake.calls[0]!;
    assert.equal(call.action, 'DescribeEnvironments');
    assert.equal(call.service, 'cloud9', 'SigV4 scope names the cloud9 service');
    assert.match(call.keyId ?? '', /^ASIA/, 'signed with the managed (AMTC) credentials');
    assert.deepEqual(call.params, { environmentIds: ['envhosttest0001'] } as unknown as Record<string, string>);
    const hover = await eventually(async () => (await probe.hover((await amtcItem())!.id)).text, (t) => t.includes('DISABLED_BY_OWNER'), 'the Cloud9 row in the tooltip');
    assert.match(hover, /Cloud9 says/);
    await probe.keys(['Escape']);
  });
});
