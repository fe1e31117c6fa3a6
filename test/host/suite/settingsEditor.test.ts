// The Settings editor shows the product's name as it is spelled, "AMTC Guard", in its table of
// contents, and its settings under it without a title made from the setting keys ("Amtc Guard").
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activeExtension } from './fixtures';
import { eventually, probe } from './probeClient';

describe('Settings editor', () => {
  before(async () => {
    await activeExtension();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('names the extension "AMTC Guard" in its contents, and its settings readably under it', async function () {
    this.timeout(60_000);
    // Room for the table of contents (the Settings editor hides it when narrow or short), and no earlier search.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.openSettings2', { query: '' });
    // The Settings editor is slow to open the first time on a loaded machine.
    await eventually(probe.tabs, (tabs) => tabs.some((t) => /Settings/.test(t)), 'the Settings editor tab', 30_000);
    await eventually(() => probe.settingsEditor(), (v) => v.toc.some((t) => t.startsWith('Extensions')), 'the Settings editor contents', 30_000);
    await eventually(() => probe.settingsEditor('Extensions'), (v) => v.toc.some((t) => t.startsWith('AMTC Guard')), 'our entry under Extensions', 15_000);
    const view = await eventually(() => probe.settingsEditor('AMTC Guard'), (v) => v.items.some((i) => i.label === 'Status Bar Item'), 'our settings', 15_000);
    await probe.screenshot('settings-editor');
    const shown = JSON.stringify(view);
    assert.doesNotMatch(shown, /Amtc/, shown);
    const ours = view.toc.filter((t) => t.includes('AMTC Guard') || t.startsWith('Advanced'));
    assert.ok(ours.some((t) => /^AMTC Guard\b/.test(t)), shown);
    assert.ok(view.toc.some((t) => /^Advanced \(tests and private endpoints\)/.test(t)), `the second group is titled under AMTC Guard without repeating it: ${shown}`);
    for (const label of ['Status Bar Item', 'Notifications', 'Preflight']) {
      const item = view.items.find((i) => i.label === label);
      assert.ok(item, `${label} in ${shown}`);
      assert.equal(item.category, '', `no key-made prefix on ${label}`);
    }
  });
});
