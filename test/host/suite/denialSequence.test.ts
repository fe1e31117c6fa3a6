// Issue 13 items 1 and 3, as a sequence in one workbench: a denial whose toast went to the
// notification centre never blocks the next one; after "Use profile in terminals", a terminal opened
// before still runs with AMTC and its denial says so ("relaunch it"), while a new terminal's is not AMTC's.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { AmtcGuardApi } from '../../../src/extension';
import type { JudgedCommand } from '../../../src/vscode/terminalWatcher';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { amtcDenies, FakeAws, startFakeAws } from '../../tools/fakeAws';
import { activeExtension, CREDENTIALS, resetAwsDir, writeC9WorkProfile } from './fixtures';
import { assertButtonsWhole, eventually, probe } from './probeClient';
import { runJudged, shellTerminal } from './terminals';

describe('denials over a session', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  let fake: FakeAws;
  let api: AmtcGuardApi;
  let first: vscode.Terminal;
  let old: vscode.Terminal;

  before(async function () {
    this.timeout(60_000);
    resetAwsDir();
    sim.start();
    writeC9WorkProfile();
    fake = await startFakeAws(amtcDenies(['CreateUser', 'AttachRolePolicy', 'CreateGroup']));
    api = (await activeExtension()).exports as AmtcGuardApi;
    await vscode.commands.executeCommand('notifications.clearAll');
    first = await shellTerminal('session 1');
    old = await shellTerminal('session old');
  });
  after(async () => {
    sim.stop();
    await fake.close();
    first?.dispose();
    old?.dispose();
    await vscode.commands.executeCommand(`amtcGuard.useProfileInTerminals`, '');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  const run = (terminal: vscode.Terminal, line: string): Promise<JudgedCommand> => runJudged(api, terminal, line);

  const toastWith = (text: string) => eventually(probe.notifications, (n) => n.some((t) => t.message.includes(text)), `a toast with "${text}"`);

  it('a denial whose toast went to the notification centre does not block the next, different one', async function () {
    this.timeout(90_000);
    const j1 = await run(first, `/usr/bin/aws iam create-user --user-name demo --endpoint-url ${fake.url}`);
    assert.equal(j1.verdict.reason, 'unsupported-action');
    await toastWith('iam:CreateUser');
    // What VS Code does to a toast nobody answers: it goes to the notification centre, unanswered.
    await vscode.commands.executeCommand('notifications.hideToasts');
    await eventually(probe.notifications, (n) => !n.some((t) => t.message.includes('iam:CreateUser')), 'the first toast moved to the centre');
    const j2 = await run(first, `/usr/bin/aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p --endpoint-url ${fake.url}`);
    assert.equal(j2.verdict.reason, 'role-name');
    const toasts = await toastWith('iam:AttachRolePolicy');
    const toast = toasts.find((t) => t.message.includes('iam:AttachRolePolicy'))!;
    assert.match(toast.message, /only on roles named Cloud9-…, not on "hoge_role"/);
    assert.match(toast.message, /Run it with profile c9_work, which has your own keys/);
    assert.doesNotMatch(toast.message, /^AMTC Guard:/);
    assert.deepEqual(toast.buttons, ['Run with profile', 'Why?', "Don't show again"]);
    await assertButtonsWhole(toast.buttons);
    await probe.screenshot('denial-after-hidden-toast');
  });

  it('after "Use profile in terminals", a terminal opened before is still judged as AMTC and told to relaunch', async function () {
    this.timeout(90_000);
    await vscode.commands.executeCommand('notifications.clearAll');
    void vscode.commands.executeCommand('amtcGuard.useProfileInTerminals', 'c9_work');
    await toastWith('erminals use profile c9_work');
    const j = await run(old, `/usr/bin/aws iam create-group --group-name g --endpoint-url ${fake.url}`);
    assert.equal(j.verdict.amtc, true, JSON.stringify(j.verdict));
    assert.equal(j.verdict.reason, 'unsupported-action');
    assert.deepEqual([j.environment.awsProfile, j.environment.stale], [undefined, true]);
    const toasts = await toastWith('iam:CreateGroup');
    assert.match(toasts.find((t) => t.message.includes('iam:CreateGroup'))!.message, /This terminal still uses the managed credentials .*; relaunch it\./);
    await probe.screenshot('denial-stale-terminal');

    const fresh = await shellTerminal('session new');
    try {
      const k = await run(fresh, `/usr/bin/aws iam create-group --group-name g --endpoint-url ${fake.url}`);
      assert.deepEqual([k.environment.awsProfile, k.environment.stale], ['c9_work', false]);
      assert.equal(k.verdict.amtc, false, JSON.stringify(k.verdict));
      assert.equal(k.verdict.error?.code, 'AccessDenied');
      assert.ok(fake.calls.some((c) => c.action === 'CreateGroup' && c.keyId === 'AKIAEXAMPLEUSER00001'), 'the new terminal signed with the profile key');
    } finally {
      fresh.dispose();
    }
  });
});
