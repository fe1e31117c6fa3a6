// The long session's files (issue 13 items 2 and 5, issue 16): the dead managed keys that hide the
// instance role, a pasted error without its command line, and the managed file edited in the editor.
import { existsSync, readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { TOKEN_INVALID } from '../tools/fakeAws';
import { FAKE_IMDS_KEY } from '../tools/fakeImds';
import { crop, MANAGED, setSetting, shot, Step } from './context';
import { clickNotificationButton, closeEditors, dialog, STATUS_ITEM, newTerminal, runCommand, statusClass, statusText, toast, typeInTerminal, waitFor, webview } from './ui';

export const INSTANCE_ROLE: Step = ['the dead managed keys hide the instance role: Use the instance role (modal) → the CLI signs with the role → Undo puts the exact bytes back', async ({ page, demo }) => {
  await waitFor('the item naming the instance role', async () => (await statusText(page)).includes('AMTC expired · instance role available'));
  const bytes = readFileSync(demo.credentials);
  await runCommand(page, 'AMTC Guard: Use the instance role');
  const box = dialog(page);
  await box.waitFor({ timeout: 20_000 });
  const said = await box.innerText();
  for (const part of [demo.credentials, '.moved-', 'Cloud9-InstanceRole', 'Undo', 'Cloud9 recreates the file']) {
    if (!said.includes(part)) throw new Error(`the dialog does not say "${part}": ${said}`);
  }
  await shot(page, 'instance-role-modal');
  await box.getByRole('button', { name: 'Use the instance role', exact: true }).click();
  const moved = /aside; the AWS CLI now uses the instance role Cloud9-InstanceRole/;
  await toast(page, moved).first().waitFor({ timeout: 20_000 });
  if (existsSync(demo.credentials)) throw new Error('the managed file is still in place');
  // Issue 16: the status now shows the instance role and its time left (the credential chain, from the IMDS fake).
  await waitFor('the item on the instance role', async () => /AWS: instance role · \d+[hm]/.test(await statusText(page)), 20_000);
  await newTerminal(page);
  const before = demo.fake.calls.length;
  await typeInTerminal(page, 'aws sts get-caller-identity');
  await waitFor('the real CLI signing with the instance role', () => Promise.resolve(demo.fake.calls.slice(before).some((c) => c.action === 'GetCallerIdentity' && c.keyId === FAKE_IMDS_KEY)), 30_000);
  await shot(page, 'instance-role-used');
  await clickNotificationButton(page, moved, 'Undo');
  await toast(page, /back, byte for byte/).first().waitFor({ timeout: 20_000 });
  if (!existsSync(demo.credentials) || !readFileSync(demo.credentials).equals(bytes)) throw new Error('Undo did not put the managed file\'s bytes back');
  await shot(page, 'instance-role-undone');
  // Cloud9 comes back: a normal lifetime and a forced refresh make the item healthy again.
  await setSetting(page, 'amtcGuard.credentialLifetimeMinutes', '15');
  demo.simulator.forceUpdate();
  await waitFor('managed again', async () => MANAGED.test(await statusText(page)));
}];

export const EXPLAIN_PASTED: Step = ['Explain AWS error… with only the seed\'s pasted error line: the rule on roles named Cloud9- comes first, not the IP or collaborator causes', async ({ page }) => {
  await runCommand(page, 'AMTC Guard: Explain AWS error…');
  const widget = page.locator('.quick-input-widget');
  await waitFor('the paste prompt', async () => (await widget.innerText()).includes('Paste the error line'));
  await page.locator('.quick-input-widget input').fill(`An error occurred (InvalidClientTokenId) when calling the AttachRolePolicy operation: ${TOKEN_INVALID}`);
  await page.keyboard.press('Enter');
  const verdict = webview(page).locator('.verdict');
  // The rule is a guess from the error alone, so the command line is asked for; the user goes on without it.
  await waitFor('the command-line question', async () => (await widget.innerText()).includes('Which command printed this error?'));
  await page.keyboard.press('Enter');
  await verdict.waitFor({ timeout: 20_000 });
  const first = await verdict.innerText();
  if (!first.includes('roles named Cloud9-') || /IP address|collaborator/i.test(first)) throw new Error(`the explanation leads with: ${first}`);
  await shot(page, 'explain-pasted');
  await closeEditors(page);
}];

export const MANAGED_FILE: Step = ['the managed file in the editor: read-only → made writeable, edited, saved → line-1 warning → Repair from its quick fix → waiting for Cloud9 → its refresh makes the item healthy', async ({ page, demo }) => {
  // Cloud9 writes every few minutes; the test makes that refresh happen once it has seen the waiting state.
  demo.simulator.stop();
  await runCommand(page, 'AMTC Guard: Open AWS credentials and config files');
  const tab = (name: string): Locator => page.locator('.tabs-container .tab').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) });
  await tab('config').waitFor(); // the config file opens last, in front; the managed one behind it
  await tab('credentials').click();
  await page.locator('.tabs-container .tab.active', { hasText: 'credentials' }).waitFor();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('x');
  await page.locator('.monaco-editor-overlaymessage', { hasText: /read-only/i }).waitFor();
  await shot(page, 'managed-file-read-only');
  await runCommand(page, 'File: Set Active Editor Writeable in Session');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n[scratch]\nregion = eu-west-1\n');
  await page.keyboard.press('Control+S');
  await waitFor('the item saying the file was edited', async () => (await statusText(page)).includes('AMTC modified') && (await statusClass(page)).includes('warning-kind'));
  // The walkthrough's status-bar step: the item in the warning colour and the one notification with Repair.
  const edited = toast(page, /Cloud9 stopped refreshing it/).first();
  await edited.waitFor();
  await crop(page, 'modified', [page.locator(STATUS_ITEM), edited]);
  // The warning on line 1, in its hover; the hover's Quick Fix… offers Repair. (Ctrl+. from
  // Playwright does not open the quick-fix menu in code-server; the hover's link is the same command.)
  await page.locator('.editor-group-container.active .squiggly-warning').first().hover({ force: true });
  const hover = page.locator('.monaco-hover:visible', { hasText: 'Cloud9 stopped refreshing this file' });
  await hover.waitFor();
  await shot(page, 'managed-file-diagnostic');
  // The walkthrough's Repair step: the line-1 warning with its Quick Fix link.
  await crop(page, 'repair', [hover]);
  await hover.locator('a', { hasText: 'Quick Fix' }).click();
  await page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Repair managed credentials file' }).waitFor();
  await page.keyboard.press('Enter'); // the menu takes keys; a pointer block covers it against stray clicks
  const box = dialog(page);
  await box.waitFor();
  await box.getByRole('button', { name: 'Repair', exact: true }).click();
  await toast(page, /Moved scratch to the config file/).first().waitFor({ timeout: 20_000 });
  if (!readFileSync(demo.config, 'utf8').includes('[profile scratch]')) throw new Error('the section did not reach the config file');
  await waitFor('the item waiting for Cloud9', async () => (await statusText(page)).includes('waiting for Cloud9') && (await statusClass(page)).includes('warning-kind'));
  await shot(page, 'awaiting-refresh');
  if (!demo.simulator.refresh()) throw new Error('after Repair the file is not as Cloud9 wrote it, so Cloud9 would not refresh it');
  demo.simulator.start();
  await waitFor('healthy again', async () => MANAGED.test(await statusText(page)) && !(await statusClass(page)).includes('warning-kind'));
  await toast(page, 'Cloud9 refreshed the managed credentials again.').first().waitFor();
  await shot(page, 'refreshed');
  await closeEditors(page);
}];
