// The "Add fallback profile" wizard driven by keyboard only in the real workbench, then
// "Use in terminals" (a new terminal gets AWS_PROFILE) and "Verify" against a loopback STS.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { FakeAws, startFakeAws } from '../../tools/fakeAws';
import { activeExtension, CONFIG, CREDENTIALS, HOME, resetAwsDir } from './fixtures';
import { amtcItem, eventually, notified, probe, type QuickInputView } from './probeClient';
import { shellTerminal } from './terminals';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** The quick input's Back keybinding on Linux (workbench.action.quickInputBack). */
const BACK = 'Control+Alt+Minus';

async function atStep(n: number): Promise<QuickInputView> {
  return eventually(probe.quickInput, (q) => q.visible && q.text.includes(`${n}/6`), `wizard step ${n}/6`);
}

/** F1, the command's title, Enter: as a keyboard user starts it. */
async function openWizardByKeyboard(): Promise<void> {
  await probe.keys(['Escape', 'F1']);
  await eventually(probe.quickInput, (q) => q.visible, 'the command palette');
  await probe.keys([], 'Add fallback profile');
  await eventually(probe.quickInput, (q) => q.active.includes('Add fallback profile'), 'the command in the palette');
  await probe.keys(['Enter']);
  await atStep(1);
}

describe('Add fallback profile, Use in terminals, Verify', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  let fake: FakeAws;
  let credentialsBefore: Buffer;

  before(async () => {
    resetAwsDir();
    sim.start();
    writeFileSync(CONFIG, '# my settings\n[default]\nregion = us-east-1\n', { mode: 0o600 });
    credentialsBefore = readFileSync(CREDENTIALS);
    fake = await startFakeAws();
    await activeExtension();
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  after(async () => {
    sim.stop();
    await fake.close();
    await vscode.workspace.getConfiguration('amtcGuard').update('stsEndpoint', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Escape at any step closes the wizard and writes nothing', async () => {
    const configBefore = readFileSync(CONFIG);
    await openWizardByKeyboard();
    await probe.keys(['Enter']);
    await atStep(2);
    await probe.keys([], KEY_ID);
    await probe.keys(['Escape']);
    await eventually(probe.quickInput, (q) => !q.visible, 'the wizard closed');
    assert.ok(readFileSync(CONFIG).equals(configBefore), 'config untouched');
    assert.ok(readFileSync(CREDENTIALS).equals(credentialsBefore), 'managed file untouched');
  });

  it('by keyboard only: validation, Back keeps the secret, the safe answer is the default, [profile c9_work] in ~/.aws/config', async () => {
    await openWizardByKeyboard();
    const first = await probe.quickInput();
    assert.match(first.title, /^Add fallback profile/, 'no "AMTC Guard:" prefix');
    await probe.keys(['Enter']); // suggested name c9_work
    await atStep(2);
    await probe.keys([], 'AKIA123');
    await probe.keys(['Enter']);
    const invalid = await eventually(probe.quickInput, (q) => /16 upper-case/.test(q.message), 'inline validation of the key id');
    assert.match(invalid.text, /2\/6/, 'an invalid key id keeps the user on step 2');
    await probe.screenshot('wizard-validation');
    await probe.keys(['Control+a'], KEY_ID);
    await probe.keys(['Enter']);
    await atStep(3);
    await probe.keys(['Enter']); // an empty secret
    // The prompt shows in the same place until the validation replaces it: wait for the validation itself.
    const empty = await eventually(probe.quickInput, (q) => /is empty/.test(q.message), 'the empty-secret message');
    assert.match(empty.message, /^The secret access key is empty; paste the one IAM showed when the key was created\.$/);
    assert.match(empty.text, /3\/6/, 'an empty secret keeps the user on step 3');
    await probe.keys([], SECRET);
    await probe.keys(['Enter']);
    await atStep(4);
    await probe.keys([BACK]);
    const back = await atStep(3);
    assert.equal(back.value, SECRET, 'Back from step 4 shows the secret typed before');
    await probe.keys(['Enter']);
    await atStep(4);
    await probe.keys(['Enter']); // region: the managed profile's
    await atStep(5);
    await probe.keys(['Enter']); // output: json
    const where = await atStep(6);
    assert.match(where.active, /^~\/\.aws\/config/, 'the recommended file is preselected');
    await probe.screenshot('wizard-target');
    await probe.keys(['ArrowDown', 'Enter']); // ~/.aws/credentials: asks again
    const confirm = await eventually(probe.quickInput, (q) => q.visible && q.rows.some((r) => r.includes('Write to credentials anyway')), 'the confirmation');
    assert.equal(confirm.rows.length, 2);
    assert.match(confirm.rows[0]!, /Write to ~\/\.aws\/config instead/, 'the safe answer comes first');
    assert.match(confirm.rows[1]!, /Write to credentials anyway/);
    assert.match(confirm.active, /Write to ~\/\.aws\/config instead/, 'Enter would take the safe answer');
    await probe.screenshot('wizard-confirm-credentials');
    await probe.keys([BACK]);
    const again = await eventually(probe.quickInput, (q) => q.visible && /6\/6/.test(q.text) && !q.rows.some((r) => r.includes('anyway')), 'the choice of file again');
    assert.match(again.active, /^~\/\.aws\/credentials/, 'Back keeps the file chosen before');
    await probe.keys(['Enter']);
    await eventually(probe.quickInput, (q) => q.visible && q.rows.some((r) => r.includes('anyway')), 'the confirmation again');
    await probe.keys(['Enter']); // the preselected safe answer
    const toasts = await notified((t) => t.message.includes('Added profile c9_work'), 'the confirmation');
    const toast = toasts.find((t) => t.message.includes('Added profile c9_work'))!;
    assert.deepEqual(toast.buttons, ['Verify', 'Use in terminals']);
    assert.ok(!toast.message.includes(SECRET) && !toast.message.includes(KEY_ID));
    const config = readFileSync(CONFIG, 'utf8');
    assert.ok(config.startsWith('# my settings\n[default]\nregion = us-east-1\n'));
    assert.match(config, /\[profile c9_work\]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI\/K7MDENG\/bPxRfiCYEXAMPLEKEY\nregion = us-east-1\noutput = json\n$/);
    assert.ok(readFileSync(CREDENTIALS).equals(credentialsBefore), 'managed file untouched byte for byte');
    await probe.screenshot('profile-added');
  });

  it('Use in terminals: new terminals get AWS_PROFILE, and the status bar shows the override', async () => {
    await probe.click('Use in terminals');
    await eventually(amtcItem, (i) => /AWS: c9_work/.test(i?.text ?? ''), 'the overridden status item');
    const used = await notified((t) => t.message.includes('use profile c9_work'), 'the toast');
    assert.match(used.find((t) => t.message.includes('use profile c9_work'))!.message, /^New terminals use profile c9_work; /);
    const out = path.join(HOME, 'profile-in-terminal.txt');
    const t = await shellTerminal('after use');
    t.sendText(`echo "AWS_PROFILE=$AWS_PROFILE" > ${out}`);
    await eventually(() => Promise.resolve(existsSync(out) ? readFileSync(out, 'utf8') : ''), (s) => s.includes('='), 'the terminal output');
    assert.equal(readFileSync(out, 'utf8').trim(), 'AWS_PROFILE=c9_work');
    await probe.screenshot('state-overridden');
    await vscode.commands.executeCommand('amtcGuard.useProfileInTerminals', '');
    await eventually(amtcItem, (i) => /AMTC \d+m/.test(i?.text ?? ''), 'managed again after Stop');
  });

  it('Verify calls STS GetCallerIdentity signed with the profile key', async () => {
    await vscode.workspace.getConfiguration('amtcGuard').update('stsEndpoint', fake.url, vscode.ConfigurationTarget.Global);
    const ok = await vscode.commands.executeCommand<boolean>('amtcGuard.verifyProfile', 'c9_work');
    assert.equal(ok, true);
    assert.equal(fake.calls.at(-1)?.action, 'GetCallerIdentity');
    assert.equal(fake.calls.at(-1)?.keyId, KEY_ID);
    await notified((t) => t.message.includes('Profile c9_work works as arn:aws:iam::123456789012:user/c9_work'), 'the verify result');
  });

  it('a Verify that cannot reach STS names the endpoint it tried and offers Open Setting', async () => {
    // Earlier toasts of this suite must not crowd out the one this test looks for.
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.workspace.getConfiguration('amtcGuard').update('stsEndpoint', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    const ok = await vscode.commands.executeCommand<boolean>('amtcGuard.verifyProfile', 'c9_work');
    assert.equal(ok, false);
    const toasts = await notified((t) => t.message.includes('STS at http://127.0.0.1:9 could not be reached'), 'the failure naming the endpoint');
    assert.deepEqual(toasts.find((t) => t.message.includes('http://127.0.0.1:9'))!.buttons, ['Open Setting']);
    await probe.screenshot('verify-endpoint');
    await probe.click('Open Setting');
    // The Settings editor is slow to open the first time on a loaded machine (it failed once at 10 s in CI).
    await eventually(probe.tabs, (tabs) => tabs.some((t) => /Settings|設定/.test(t)), 'the Settings editor', 30_000);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
