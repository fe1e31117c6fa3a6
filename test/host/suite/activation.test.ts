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
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows its status bar item in the workbench', async () => {
    await activeExtension();
    const item = await eventually(amtcItem, (i) => !!i && i.text.length > 0 && !i.text.includes('AMTC…'), 'the AMTC Guard status bar item');
    assert.ok(item, 'status bar item exists in the DOM');
    await probe.screenshot('activation');
  });
});
