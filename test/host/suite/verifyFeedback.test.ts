// Verify gives one notification per run: while STS is asked, the progress is in the status bar (not
// a toast that lingers beside the result); when the answer comes the progress is gone first.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { FakeAws, startFakeAws } from '../../tools/fakeAws';
import { activeExtension, CONFIG, resetAwsDir } from './fixtures';
import { amtcItem, eventually, notified, probe } from './probeClient';

describe('Verify feedback', () => {
  let fake: FakeAws;
  before(async () => {
    resetAwsDir();
    writeFileSync(CONFIG, '[profile c9_work]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = us-east-1\n', { mode: 0o600 });
    fake = await startFakeAws();
    await activeExtension();
    await vscode.workspace.getConfiguration('amtcGuard').update('stsEndpoint', fake.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('amtcGuard').update('stsEndpoint', undefined, vscode.ConfigurationTarget.Global);
    await fake.close();
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('shows its progress in the status bar, then the result as the only toast', async function () {
    this.timeout(30_000);
    let release!: () => void;
    fake.gate = new Promise((r) => (release = r));
    const verified = vscode.commands.executeCommand<boolean>('amtcGuard.verifyProfile', 'c9_work');
    await eventually(() => Promise.resolve(fake.calls.length), (n) => n > 0, 'the STS call in flight');
    const busy = await eventually(probe.statusBar, (items) => items.some((i) => i.text.includes('Verifying profile c9_work')), 'the progress in the status bar');
    assert.ok(busy.length > 0);
    assert.deepEqual((await probe.notifications()).filter((t) => t.message.includes('Verifying')), [], 'no progress toast');
    release();
    assert.equal(await verified, true);
    const toasts = await notified((t) => t.message.includes('Profile c9_work works as'), 'the result');
    assert.deepEqual(toasts.map((t) => t.message.split(' as ')[0]), ['Profile c9_work works'], `one toast: ${JSON.stringify(toasts)}`);
    const after = await probe.statusBar();
    assert.ok(!after.some((i) => i.text.includes('Verifying')), 'the progress ended before the result');
  });

  const tooltip = async (): Promise<string> => {
    const item = await amtcItem();
    return item ? (await probe.hover(item.id)).text : '';
  };

  it('the tooltip remembers the result for that profile until its keys change on disk; a failure likewise', async function () {
    this.timeout(60_000);
    const ok = await eventually(tooltip, (t) => t.includes('c9_work verified'), 'the remembered success', 15_000);
    assert.match(ok, /c9_work verified now as arn:aws:iam::123456789012:user\/c9_work/);
    await probe.screenshot('verify-remembered');
    // New keys for the profile: what Verify found no longer holds.
    writeFileSync(CONFIG, '[profile c9_work]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = another-secret\nregion = us-east-1\n', { mode: 0o600 });
    await eventually(tooltip, (t) => t.includes('Profile') && !t.includes('c9_work verified'), 'the result forgotten after the keys changed', 15_000);
    fake.respond = () => ({ ok: false, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.', status: 403 });
    assert.equal(await vscode.commands.executeCommand<boolean>('amtcGuard.verifyProfile', 'c9_work'), false);
    const failed = await eventually(tooltip, (t) => t.includes('c9_work failed Verify'), 'the remembered failure', 15_000);
    assert.match(failed, /c9_work failed Verify now \(secret does not match\)/);
    await probe.keys(['Escape']);
  });
});
