// What a terminal's own commands do to the credential variables: after `unset AWS_PROFILE` in a
// terminal opened with a profile (by "Use profile in terminals"), the real AWS CLI runs with AMTC again
// and its denial is shown; `export AWS_PROFILE=…` the other way; a change that cannot be followed is
// judged as "most likely", never as "not AMTC".
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { AmtcGuardApi } from '../../../src/extension';
import type { JudgedCommand } from '../../../src/vscode/terminalWatcher';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { amtcDenies, FakeAws, startFakeAws } from '../../tools/fakeAws';
import { activeExtension, CREDENTIALS, resetAwsDir, writeC9WorkProfile } from './fixtures';
import { eventually, probe } from './probeClient';
import { runJudged, shellTerminal } from './terminals';

describe('terminal variables changed by commands', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  let fake: FakeAws;
  let api: AmtcGuardApi;
  let terminal: vscode.Terminal | undefined;

  before(async function () {
    this.timeout(60_000);
    resetAwsDir();
    sim.start();
    writeC9WorkProfile();
    fake = await startFakeAws(amtcDenies(['CreateGroup', 'CreateUser']));
    api = (await activeExtension()).exports as AmtcGuardApi;
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  after(async () => {
    sim.stop();
    await fake.close();
    terminal?.dispose();
    await vscode.commands.executeCommand('amtcGuard.useProfileInTerminals', '');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  const createGroup = (): string => `/usr/bin/aws iam create-group --group-name g --endpoint-url ${fake.url}`;
  const run = (line: string): Promise<JudgedCommand> => runJudged(api, terminal!, line);

  it('unset AWS_PROFILE, then export it again, then an export that cannot be followed', async function () {
    this.timeout(120_000);
    void vscode.commands.executeCommand('amtcGuard.useProfileInTerminals', 'c9_work');
    await eventually(probe.notifications, (n) => n.some((t) => t.message.includes('use profile c9_work')), 'the profile is set for terminals');
    await vscode.commands.executeCommand('notifications.clearAll');
    terminal = await shellTerminal('variables');

    const withProfile = await run(createGroup());
    assert.equal(withProfile.verdict.reason, 'not-amtc', JSON.stringify(withProfile.verdict));
    assert.equal(withProfile.verdict.error?.code, 'AccessDenied');

    terminal.sendText('unset AWS_PROFILE');
    const unset = await run(createGroup());
    assert.ok(fake.calls.some((c) => c.action === 'CreateGroup' && c.keyId?.startsWith('ASIA')), 'after unset the CLI signed with the managed key');
    assert.equal(unset.environment.awsProfile, undefined);
    assert.equal(unset.verdict.reason, 'unsupported-action', JSON.stringify(unset.verdict));
    assert.equal(unset.verdict.likely, false);
    const toasts = await eventually(probe.notifications, (n) => n.some((t) => t.message.includes('iam:CreateGroup')), 'the denial after unset');
    assert.doesNotMatch(toasts.find((t) => t.message.includes('iam:CreateGroup'))!.message, /relaunch|cannot follow/);
    await probe.screenshot('denial-after-unset');

    terminal.sendText('export AWS_PROFILE=c9_work');
    const exported = await run(createGroup());
    assert.equal(exported.environment.awsProfile, 'c9_work');
    assert.equal(exported.verdict.reason, 'not-amtc');

    await vscode.commands.executeCommand('notifications.clearAll');
    terminal.sendText('export AWS_PROFILE=$(echo default)');
    // Another action: the same denial in the same terminal is shown once a minute.
    const unknown = await run(`/usr/bin/aws iam create-user --user-name u --endpoint-url ${fake.url}`);
    assert.deepEqual(unknown.environment.unknown, ['AWS_PROFILE']);
    assert.equal(unknown.verdict.reason, 'unsupported-action', JSON.stringify(unknown.verdict));
    assert.equal(unknown.verdict.likely, true, 'an AMTC reason only as the likely one');
    assert.deepEqual(unknown.verdict.alsoPossible, ['not-amtc']);
    const hedged = await eventually(probe.notifications, (n) => n.some((t) => t.message.includes('cannot follow')), 'the hedged denial');
    assert.match(hedged.find((t) => t.message.includes('cannot follow'))!.message, /changed AWS_PROFILE in a way AMTC Guard cannot follow/);
  });
});
