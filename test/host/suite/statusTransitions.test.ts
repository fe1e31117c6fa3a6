// The status bar item follows a Cloud9 simulator through every state, as seen in the real DOM.
import { strict as assert } from 'node:assert';
import { appendFileSync, utimesSync } from 'node:fs';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { activeExtension, CREDENTIALS, resetAwsDir } from './fixtures';
import { amtcItem, eventually, probe } from './probeClient';

describe('status bar follows the managed credentials', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 60_000 });

  before(async () => {
    resetAwsDir();
    await activeExtension();
  });
  after(() => sim.stop());

  it('managed: shield and a countdown', async () => {
    sim.start();
    const item = await eventually(amtcItem, (i) => /AMTC 1[45]m/.test(i?.text ?? ''), 'managed countdown');
    assert.ok(!/warning-kind|error-kind/.test(item!.className), `no warning colour: ${item!.className}`);
    assert.match(item!.ariaLabel, /managed temporary credentials/);
    await probe.screenshot('state-managed');
  });

  it('tooltip shows the masked key id and actions', async () => {
    const item = (await amtcItem())!;
    const { text } = await probe.hover(item.id);
    assert.match(text, /ASIA…\d{4}/, text);
    assert.doesNotMatch(text, /ASIA[0-9A-F]{16}/, 'the full key id must not appear');
    assert.match(text, /Add fallback profile/);
    await probe.screenshot('tooltip-managed');
    await probe.keys(['Escape']);
  });

  it('modified: a section appended as `aws configure --profile c9_work` would', async () => {
    appendFileSync(CREDENTIALS, '[c9_work]\naws_access_key_id = AKIAEXAMPLEUSER0001\naws_secret_access_key = x\n');
    const item = await eventually(amtcItem, (i) => /AMTC modified/.test(i?.text ?? ''), 'modified');
    assert.match(item!.className, /warning-kind/);
    assert.equal(sim.refresh(), false, 'the simulator, like Cloud9, no longer rewrites a modified file');
    await probe.screenshot('state-modified');
  });

  it('expired: nobody refreshed for longer than the lifetime', async () => {
    sim.forceUpdate();
    await eventually(amtcItem, (i) => /AMTC \d+m/.test(i?.text ?? ''), 'managed again after a forced update');
    sim.stop();
    const past = new Date(Date.now() - 16 * 60_000);
    utimesSync(CREDENTIALS, past, past);
    const item = await eventually(amtcItem, (i) => /AMTC expired/.test(i?.text ?? ''), 'expired');
    assert.match(item!.className, /error-kind/);
    await probe.screenshot('state-expired');
  });

  it('missing: Cloud9 deleted the file', async () => {
    sim.deleteFile();
    await eventually(amtcItem, (i) => /no credentials/.test(i?.text ?? ''), 'missing');
  });

  it('managed again when Cloud9 recreates the file', async () => {
    sim.start();
    await eventually(amtcItem, (i) => /AMTC 1[45]m/.test(i?.text ?? ''), 'managed after recreate');
  });
});
