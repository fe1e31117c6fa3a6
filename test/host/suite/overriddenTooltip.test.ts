// While terminals use a profile of the user's own: the tooltip's Works row carries what Verify found
// for that profile (not "only a call would tell" above a line that says it worked), and an edited
// managed file shows on the item and in the tooltip's AMTC section (with Repair), not as a countdown.
import { strict as assert } from 'node:assert';
import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { FakeAws, startFakeAws } from '../../tools/fakeAws';
import { activeExtension, CREDENTIALS, resetAwsDir, writeC9WorkProfile } from './fixtures';
import { amtcItem, eventually, probe } from './probeClient';

describe('tooltip while terminals use a profile of their own', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  let fake: FakeAws;
  before(async function () {
    this.timeout(30_000);
    resetAwsDir();
    writeC9WorkProfile();
    sim.start();
    fake = await startFakeAws();
    await activeExtension();
    await vscode.workspace.getConfiguration('amtcGuard').update('stsEndpoint', fake.url, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('notifications.clearAll');
    // The command's confirmation toast stays until dismissed: not awaited, the item says when it took effect.
    void vscode.commands.executeCommand('amtcGuard.useProfileInTerminals', 'c9_work');
    await eventually(amtcItem, (i) => /AWS: c9_work/.test(i?.text ?? ''), 'the item on the profile in use');
  });
  after(async () => {
    sim.stop();
    await vscode.commands.executeCommand('amtcGuard.useProfileInTerminals', '');
    await vscode.workspace.getConfiguration('amtcGuard').update('stsEndpoint', undefined, vscode.ConfigurationTarget.Global);
    await fake.close();
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  const tooltip = async (): Promise<string> => {
    const item = await amtcItem();
    return item ? (await probe.hover(item.id)).text : '';
  };

  it('the Works row says what Verify found for the profile in use, and no separate line repeats it', async function () {
    this.timeout(60_000);
    const unverified = await tooltip();
    assert.match(unverified, /Only a call would tell whether these credentials work/, unverified);
    assert.match(unverified, /Refreshed/, 'the managed file, untouched, keeps its times');
    await probe.keys(['Escape']);
    assert.equal(await vscode.commands.executeCommand<boolean>('amtcGuard.verifyProfile', 'c9_work'), true);
    const verified = await eventually(tooltip, (t) => t.includes('yes, verified'), 'the Works row with the Verify result', 15_000);
    assert.match(verified, /yes, verified now as arn:aws:iam::123456789012:user\/c9_work/);
    assert.doesNotMatch(verified, /Only a call would tell/);
    assert.doesNotMatch(verified, /c9_work verified/, 'no separate line for the profile in use');
    await probe.screenshot('overridden-verified');
    await probe.keys(['Escape']);
  });

  it('an edited managed file: a warning on the item, and the AMTC section says Cloud9 stopped refreshing it, with Repair', async function () {
    this.timeout(60_000);
    appendFileSync(CREDENTIALS, '[x]\naws_access_key_id = X\n');
    const item = await eventually(amtcItem, (i) => /warning-kind/.test(i?.className ?? ''), 'the warning colour');
    assert.match(item!.text, /AWS: c9_work/);
    assert.match(item!.ariaLabel, /The managed credentials file was edited, so Cloud9 no longer refreshes it/);
    const text = await tooltip();
    assert.match(text, /not used by new terminals now:\s*The managed credentials file was edited, so Cloud9 no longer refreshes it/, text);
    assert.doesNotMatch(text, /Refreshed|Next refresh/, 'no countdown for a file Cloud9 no longer refreshes');
    assert.match(text, /Repair/);
    await probe.screenshot('overridden-managed-file-edited');
    await probe.keys(['Escape']);
  });
});
