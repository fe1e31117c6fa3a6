// Issue 4's proof: a real terminal runs the real AWS CLI v2 against a loopback fake; the extension
// judges the output and the workbench shows the notification. A --profile run is not blamed on AMTC.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { AmtcGuardApi } from '../../../src/extension';
import type { JudgedCommand } from '../../../src/vscode/terminalWatcher';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { FakeAws, startFakeAws, TOKEN_INVALID } from '../../tools/fakeAws';
import { activeExtension, CONFIG, CREDENTIALS, resetAwsDir } from './fixtures';
import { eventually, notified, probe } from './probeClient';
import { shellTerminal } from './terminals';

describe('AMTC denials in the terminal', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  let fake: FakeAws;
  let api: AmtcGuardApi;
  const judged: JudgedCommand[] = [];

  before(async () => {
    resetAwsDir();
    sim.start();
    writeFileSync(CONFIG, '[profile c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\nregion = us-east-1\n', { mode: 0o600 });
    // AMTC (ASIA keys) may not call iam:CreateUser; the IAM user's key gets AccessDenied here.
    fake = await startFakeAws((call) => {
      if (call.keyId?.startsWith('ASIA') && call.action === 'CreateUser') return { ok: false, code: 'InvalidClientTokenId', message: TOKEN_INVALID };
      if (call.keyId?.startsWith('AKIA')) return { ok: false, code: 'AccessDenied', message: 'User: arn:aws:iam::123456789012:user/c9_work is not authorized to perform: iam:CreateUser' };
      return { ok: true };
    });
    api = (await activeExtension()).exports as AmtcGuardApi;
    api.onDidJudge((j) => judged.push(j));
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  after(async () => {
    sim.stop();
    await fake.close();
  });

  it('aws iam create-user under AMTC → unsupported-action for iam:CreateUser, and a notification', async () => {
    const terminal = await shellTerminal('aws demo');
    terminal.sendText(`/usr/bin/aws iam create-user --user-name demo --endpoint-url ${fake.url}`);
    const j = await eventually(() => Promise.resolve(judged.at(-1)), (v) => !!v, 'a judged command', 30_000);
    assert.equal(j!.verdict.reason, 'unsupported-action', JSON.stringify(j!.verdict));
    assert.equal(j!.verdict.action, 'iam:CreateUser');
    assert.equal(j!.verdict.error?.code, 'InvalidClientTokenId');
    assert.ok(fake.calls.some((c) => c.action === 'CreateUser' && c.keyId?.startsWith('ASIA')), 'the real CLI signed with the managed key');
    const toasts = await notified((t) => t.message.includes('iam:CreateUser'), 'the denial notification');
    const toast = toasts.find((t) => t.message.includes('iam:CreateUser'))!;
    assert.match(toast.message, /AMTC does not allow iam:CreateUser/);
    assert.match(toast.message, /Run it with profile c9_work/);
    assert.ok(toast.buttons.includes('Run with profile'), toast.buttons.join(' | '));
    assert.ok(toast.buttons.includes('Why?'));
    assert.ok(toast.buttons.includes("Don't show again"), toast.buttons.join(' | '));
    assert.equal(toast.buttons.length, 3, 'three buttons fit without truncation');
    await probe.screenshot('denial-notification');
  });

  it('"Why?" opens the explanation with the rule that applied', async () => {
    await probe.click('Why?');
    await eventually(probe.tabs, (tabs) => tabs.some((t) => t.startsWith('Why: iam:CreateUser')), 'the explanation tab');
    const { text } = await eventually(() => probe.frameText('Why did this AWS call fail?'), (r) => r.found, 'the rendered explanation', 15_000);
    assert.match(text, /AMTC does not allow iam:CreateUser/);
    // The list is what IS allowed in those three services (the sentence once read the other way round).
    assert.match(text, /except in Cloud9, IAM and STS, where only the actions AWS lists are allowed; iam:CreateUser is not on that list/);
    await probe.screenshot('denial-explanation');
  });

  it('the same command with --profile is not blamed on AMTC', async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    const before = judged.length;
    const terminal = await shellTerminal('aws profile');
    terminal.sendText(`/usr/bin/aws iam create-user --user-name demo --profile c9_work --endpoint-url ${fake.url}`);
    const j = await eventually(() => Promise.resolve(judged[before]), (v) => !!v, 'the --profile run judged', 30_000);
    assert.equal(j!.verdict.reason, 'not-amtc');
    assert.equal(j!.verdict.error?.code, 'AccessDenied');
    assert.ok(fake.calls.some((c) => c.keyId === 'AKIAEXAMPLEUSER00001'), 'signed with the profile key');
    const toasts = await probe.notifications();
    assert.equal(toasts.filter((t) => t.message.includes('AMTC')).length, 0, JSON.stringify(toasts));
  });
});
