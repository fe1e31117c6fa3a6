// The managed file in the editor (issue 13, item 5) and the item's visibility setting (item 8), in
// the real workbench: read-only and in the background when opened, a keystroke changes nothing, an
// edit on disk gets one notification with Repair and a warning on line 1 whose quick fix is Repair.
import { strict as assert } from 'node:assert';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { activeExtension, CONFIG, CREDENTIALS, resetAwsDir } from './fixtures';
import { amtcItem, eventually, notified, probe } from './probeClient';

const EDITED = 'was edited, so Cloud9 stopped refreshing it';

function ourDiagnostics(): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(vscode.Uri.file(CREDENTIALS)).filter((d) => d.source === 'AMTC Guard');
}

describe('the managed credentials file in the editor', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });

  before(async () => {
    resetAwsDir();
    sim.start();
    writeFileSync(CONFIG, '[profile c9_work]\nregion = us-east-1\n', { mode: 0o600 });
    await activeExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    await eventually(amtcItem, (i) => /AMTC 1[45]m/.test(i?.text ?? ''), 'managed');
  });
  after(async () => {
    sim.stop();
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('amtcGuard').update('statusBarItem', undefined, vscode.ConfigurationTarget.Global);
  });

  it('Open files: the config file in front, the managed file read-only behind it; typing there changes nothing', async () => {
    await vscode.commands.executeCommand('amtcGuard.openCredentialsFiles');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, CONFIG, 'the config file has the focus');
    const tabs = await probe.tabs();
    assert.ok(tabs.includes('credentials') && tabs.includes('config'), tabs.join(', '));
    await probe.screenshot('open-files');
    const before = readFileSync(CREDENTIALS, 'utf8');
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === CREDENTIALS)!;
    await vscode.window.showTextDocument(doc);
    await probe.keys(['Control+End'], 'x = 1');
    await probe.screenshot('managed-read-only');
    assert.equal(doc.isDirty, false, 'a read-only editor takes no keystrokes');
    assert.equal(doc.getText(), before);
    assert.deepEqual(ourDiagnostics(), []);
  });

  it('an edit on disk: one notification with Repair, and a warning on line 1 whose quick fix is Repair', async () => {
    appendFileSync(CREDENTIALS, '\n[c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = x\n');
    await eventually(amtcItem, (i) => /AMTC modified/.test(i?.text ?? ''), 'modified');
    const toasts = await notified((t) => t.message.includes(EDITED), 'the one notification');
    assert.equal(toasts.filter((t) => t.message.includes(EDITED)).length, 1);
    assert.deepEqual(toasts.find((t) => t.message.includes(EDITED))!.buttons, ['Repair']);
    const [d] = await eventually(() => Promise.resolve(ourDiagnostics()), (ds) => ds.length === 1, 'the warning on line 1');
    assert.equal(d!.range.start.line, 0);
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(d!.message, /Cloud9 stopped refreshing this file/);
    // A request can be cancelled by the editor's own updates; ask again until it answers.
    const codeActions = (): Promise<vscode.CodeAction[]> =>
      Promise.resolve(vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', vscode.Uri.file(CREDENTIALS), d!.range)).catch(() => []);
    const actions = await eventually(codeActions, (a) => a.length > 0, 'the quick fixes');
    const fix = actions.find((a) => a.title === 'Repair managed credentials file');
    assert.equal(fix?.command?.command, 'amtcGuard.repairCredentialsFile');
    await probe.screenshot('managed-diagnostic');
    // A second status for the same modified file (a touch) announces nothing more.
    appendFileSync(CREDENTIALS, '# still mine\n');
    await eventually(() => Promise.resolve(readFileSync(CREDENTIALS, 'utf8')), (t) => t.endsWith('# still mine\n'), 'the second edit');
    assert.equal((await probe.notifications()).filter((t) => t.message.includes(EDITED)).length, 1);
  });

  it('back to what Cloud9 wrote: the warning goes', async () => {
    sim.forceUpdate();
    await eventually(amtcItem, (i) => /AMTC 1[45]m/.test(i?.text ?? ''), 'managed again');
    await eventually(() => Promise.resolve(ourDiagnostics().length), (n) => n === 0, 'no warning');
    // The toast announced before is stale now: its Repair says so in one sentence.
    await notified((t) => t.message.includes(EDITED), 'the earlier toast');
    await probe.click('Repair');
    const said = await notified((t) => t.message.includes('nothing to repair'), 'the answer of a stale Repair');
    assert.equal(said.find((t) => t.message.includes('nothing to repair'))!.message, 'The managed credentials file is no longer edited; there is nothing to repair.');
  });

  it('a save of the same bytes is no refresh: the item waits for Cloud9 (warning colour) until Cloud9 writes again', async () => {
    const bytes = readFileSync(CREDENTIALS);
    writeFileSync(CREDENTIALS, bytes);
    const waiting = await eventually(amtcItem, (i) => /waiting for Cloud9/.test(i?.text ?? ''), 'waiting for Cloud9');
    assert.match(waiting!.className, /warning-kind/);
    await probe.screenshot('waiting-for-cloud9');
    sim.refresh();
    const healthy = await eventually(amtcItem, (i) => /^AMTC 1[45]m$/.test(i?.text.replace(/^\W+/, '') ?? ''), 'healthy after the refresh');
    assert.doesNotMatch(healthy!.className, /warning-kind/);
  });

  it('statusBarItem: never hides the item, always and auto (on this Cloud9 host) show it', async () => {
    const cfg = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('amtcGuard');
    await cfg().update('statusBarItem', 'never', vscode.ConfigurationTarget.Global);
    await eventually(amtcItem, (i) => i === undefined, 'no item with never');
    await cfg().update('statusBarItem', 'auto', vscode.ConfigurationTarget.Global);
    await eventually(amtcItem, (i) => /AMTC \d+m/.test(i?.text ?? ''), 'the item again with auto (C9_PID is set)');
  });
});
