// After AMTC (SPEC §8) in the real workbench: Turn AMTC off through its modal against a loopback
// Cloud9 that records UpdateEnvironment; the non-owner's one sentence; dead managed keys shown with
// the instance role behind them; Use the instance role through its modal, then Undo.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { FakeAws, startFakeAws } from '../../tools/fakeAws';
import { FakeImds, startFakeImds } from '../../tools/fakeImds';
import { amtcHeaderLines } from '../../../src/core/amtc/header';
import { activeExtension, AWS_DIR, CREDENTIALS, resetAwsDir } from './fixtures';
import { amtcItem, eventually, notified, probe } from './probeClient';

describe('After AMTC: turn AMTC off, use the instance role', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  let cloud9: FakeAws;
  let imds: FakeImds;
  const savedImds = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;

  before(async () => {
    resetAwsDir();
    sim.start();
    let status = 'ENABLED_ON_CREATE';
    cloud9 = await startFakeAws((call) => {
      if (call.action === 'UpdateEnvironment') {
        status = call.params.managedCredentialsAction === 'DISABLE' ? 'DISABLED_BY_OWNER' : 'ENABLED_BY_OWNER';
        return { ok: true, body: '{}' };
      }
      return { ok: true, body: JSON.stringify({ environments: [{ managedCredentialsStatus: status }] }) };
    });
    imds = await startFakeImds();
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = imds.url; // the extension host's own environment
    await activeExtension();
    await vscode.workspace.getConfiguration('amtcGuard').update('cloud9Endpoint', cloud9.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  after(async () => {
    sim.stop();
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = savedImds;
    await vscode.workspace.getConfiguration('amtcGuard').update('cloud9Endpoint', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    await cloud9.close();
    await imds.close();
  });

  // Extension-test mode refuses every modal (VS Code's DialogService throws "refused to show dialog in
  // tests. Contents: <message>"), so here the modal's message is read from that refusal and the refusal
  // acts as Cancel; the DOM of the modal and its buttons are checked end to end (test/e2e).
  const modalOf = async (command: string): Promise<string> => {
    try {
      await vscode.commands.executeCommand(command);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    return '';
  };

  it('Turn AMTC off asks first, in a modal that names the consequence; cancelled, nothing is sent', async () => {
    await eventually(amtcItem, (i) => /AMTC \d+m/.test(i?.text ?? ''), 'managed');
    const message = await modalOf('amtcGuard.turnAmtcOff');
    assert.match(message, /refused to show dialog in tests\. Contents: Turn AWS managed temporary credentials off for this environment\?/);
    assert.equal(cloud9.calls.filter((c) => c.action === 'UpdateEnvironment').length, 0, 'no UpdateEnvironment without a yes');
  });

  it('dead managed keys: the item names the instance role behind them; Use the instance role moves the file aside; Undo puts the exact bytes back', async () => {
    sim.stop();
    const text = [...amtcHeaderLines(Date.now() - 3_600_000, 'a'.repeat(64)), '', '[default]', 'aws_access_key_id=ASIAQAEXAMPLEAMTC001', 'aws_secret_access_key=deadsecret', 'aws_session_token=deadtoken', 'region=us-east-1', ''].join('\n');
    writeFileSync(CREDENTIALS, text, { mode: 0o600 });
    const old = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(CREDENTIALS, old, old);
    const item = await eventually(amtcItem, (i) => (i?.text ?? '').includes('instance role available'), 'the stale-keys item', 15_000);
    assert.match(item!.text, /AMTC expired · instance role available/);
    const hover = (await probe.hover(item!.id)).text;
    assert.match(hover, /never reaches the instance role behind them/);
    await probe.screenshot('stale-managed-keys');
    await probe.keys(['Escape']);

    await vscode.commands.executeCommand('notifications.clearAll');
    const message = await modalOf('amtcGuard.useInstanceRole');
    assert.match(message, /Contents: Move Cloud9's managed credentials file .*credentials aside\?/, 'the modal comes only after IMDS answered');
    assert.equal(readFileSync(CREDENTIALS, 'utf8'), text, 'cancelled: nothing moved');
    assert.deepEqual(readdirSync(AWS_DIR, { recursive: true }).map(String).filter((n) => n.includes('.moved-')), []);
    void vscode.commands.executeCommand('amtcGuard.showActions');
    const pick = await eventually(probe.quickInput, (q) => q.visible && q.text.includes('Use the instance role'), 'the quick pick entry');
    assert.match(pick.text, /Turn AMTC (on|off)/, 'and AMTC on / off on a Cloud9 host');
    await probe.keys(['Escape']);
  });

  it('no instance role: Use the instance role says so in one sentence within the probe timeouts, nothing moved', async () => {
    await imds.close();
    // Earlier toasts (the success message with Verify and Undo) must not crowd out the refusal.
    await vscode.commands.executeCommand('notifications.clearAll');
    const text = readFileSync(CREDENTIALS, 'utf8');
    assert.equal(await modalOf('amtcGuard.useInstanceRole'), '', 'no modal');
    await notified((t) => /^No instance role answers on this host \((unreachable|timeout)\); nothing was moved\./.test(t.message), 'the refusal');
    assert.equal(readFileSync(CREDENTIALS, 'utf8'), text);
  });
});
