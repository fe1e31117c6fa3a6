import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension } from './fixtures';
import { amtcItem, eventually, probe } from './probeClient';

interface Manifest {
  contributes: { commands: { command: string; category: string }[] };
  activationEvents: string[];
}

describe('activation', () => {
  it('activates on startup-finished and is active', async () => {
    const ext = await activeExtension();
    assert.equal(ext.isActive, true);
    assert.deepEqual((ext.packageJSON as Manifest).activationEvents, ['onStartupFinished']);
  });

  it('registers every contributed command', async () => {
    const ext = await activeExtension();
    const contributed = (ext.packageJSON as Manifest).contributes.commands.map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(contributed.length >= 7);
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  it('contributes a walkthrough that opens and shows its steps', async () => {
    await activeExtension();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'amtc-guard.amtc-guard#amtcGuard.welcome', false);
    const page = await eventually(() => probe.frameText('Get started with AMTC Guard'), (r) => r.found, 'the walkthrough');
    assert.match(page.text, /Add a fallback profile, safely/);
    await probe.screenshot('walkthrough');
    // No step ticks itself: each waits for the command its button runs.
    const steps = () => probe.attributes('button.getting-started-step', 'aria-checked');
    const opened = await eventually(steps, (s) => s.length === 4, 'the four steps');
    assert.deepEqual(opened.map((s) => s.value), ['false', 'false', 'false', 'false'], JSON.stringify(opened));
    assert.match(page.text, /Show credential status/, 'step 1 has the button that completes it');
    await probe.click('Show credential status'); // the step's own button, as the user does
    await eventually(probe.tabs, (tabs) => tabs.some((t) => /credential status|Preview/.test(t)), 'the status report');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'amtc-guard.amtc-guard#amtcGuard.welcome', false);
    const after = await eventually(steps, (s) => s.find((x) => x.id.endsWith('whatIsAmtc'))?.value === 'true', 'step 1 done after Show credential status');
    assert.deepEqual(after.filter((s) => s.value === 'true').map((s) => s.id.replace(/.*#/, '')), ['whatIsAmtc']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows its status bar item in the workbench', async () => {
    await activeExtension();
    const item = await eventually(amtcItem, (i) => !!i && i.text.length > 0 && !i.text.includes('AMTC…'), 'the AMTC Guard status bar item');
    assert.ok(item, 'status bar item exists in the DOM');
    await probe.screenshot('activation');
  });
});
