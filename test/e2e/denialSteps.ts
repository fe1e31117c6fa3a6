// The long session's denials (issue 13, items 1, 3 and 6): a toast nobody touches never silences the
// next denial, Why? leads to a fix that runs, and a terminal opened before "Use profile in
// terminals" is still judged by the credentials it really has.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ATTACH, crop, KEY_ID, row, SECRET, shot, Step } from './context';
import { atStep, clickToastButton, closeEditors, mouseAway, newTerminal, runCommand, statusText, terminalText, toast, typeInTerminal, waitFor, webview } from './ui';

const CREATE_ROLE = "aws iam create-role --role-name app_role --assume-role-policy-document '{}'";

export const IGNORED_TOAST: Step = ['the seed\'s denial is left alone until it moves to the notification centre → a second, different denial is a new toast', async ({ page }) => {
  await newTerminal(page);
  await typeInTerminal(page, ATTACH);
  const seed = toast(page, /only on roles named Cloud9-/).first();
  await seed.waitFor({ timeout: 30_000 });
  await shot(page, 'denial');
  await crop(page, 'denial', [seed]);
  await mouseAway(page);
  await seed.waitFor({ state: 'hidden', timeout: 40_000 });
  await page.locator('[id="status.notifications"] .codicon-bell-dot').waitFor();
  await runCommand(page, 'Notifications: Show Notifications');
  await page.locator('.notifications-center .notification-list-item', { hasText: /only on roles named Cloud9-/ }).waitFor();
  await shot(page, 'denial-in-centre');
  await runCommand(page, 'Notifications: Hide Notifications');
  await page.locator('.notifications-center').waitFor({ state: 'hidden' });
  await typeInTerminal(page, 'aws iam create-user --user-name bob');
  await toast(page, /AMTC does not allow iam:CreateUser/).first().waitFor({ timeout: 30_000 });
  await shot(page, 'second-denial');
}];

export const AFTER_SUCCESS_TOAST: Step = ['Add fallback profile from that toast → its success toast is left alone → the next denial is still shown', async ({ page }) => {
  await clickToastButton(page, /AMTC does not allow iam:CreateUser/, 'Add fallback profile');
  await atStep(page, 1, 6);
  await page.keyboard.press('Enter');
  await atStep(page, 2, 6);
  await page.keyboard.type(KEY_ID);
  await page.keyboard.press('Enter');
  await atStep(page, 3, 6);
  await page.keyboard.type(SECRET);
  await shot(page, 'wizard-secret');
  await page.keyboard.press('Enter');
  for (const n of [4, 5, 6]) {
    await atStep(page, n, 6);
    await page.keyboard.press('Enter');
  }
  const added = toast(page, /Added profile c9_work/).first();
  await added.waitFor();
  await typeInTerminal(page, CREATE_ROLE);
  await toast(page, /CreateRole only on roles named Cloud9-/).first().waitFor({ timeout: 30_000 });
  if (!(await added.isVisible())) throw new Error('the success toast was answered or hidden before the denial, so this proves nothing');
  await shot(page, 'denial-after-success');
}];

export const WHY_THEN_FIX: Step = ['Why? → the explanation shows the rule and its actions → Run with c9_work from it runs the command in the terminal', async ({ page, demo }) => {
  await clickToastButton(page, /CreateRole only on roles named Cloud9-/, 'Why?');
  const view = webview(page);
  const verdict = view.locator('.verdict');
  await verdict.waitFor({ timeout: 20_000 });
  if (!/roles named Cloud9-/.test(await verdict.innerText())) throw new Error(`the explanation does not give the rule: ${await verdict.innerText()}`);
  const run = view.getByRole('button', { name: 'Run with c9_work', exact: true });
  await run.waitFor();
  await shot(page, 'explanation');
  const before = demo.fake.calls.length;
  await run.click();
  await waitFor('CreateRole signed with c9_work\'s key', () => Promise.resolve(demo.fake.calls.slice(before).some((c) => c.action === 'CreateRole' && c.keyId === KEY_ID)), 30_000);
  await waitFor('the command line with --profile in the terminal', async () => (await terminalText(page)).includes('aws --profile c9_work iam create-role --role-name app_role'));
  // The terminal with the re-run command, as the README shows it (the explanation has its own shot).
  await closeEditors(page);
  await shot(page, 'run-again');
}];

export const OLD_TERMINAL: Step = ['Use profile in terminals: a new terminal has AWS_PROFILE; a denial in a terminal opened before is still blamed on AMTC, with "relaunch"', async ({ page, demo }) => {
  await runCommand(page, 'AMTC Guard: Use profile in terminals');
  await row(page, 'c9_work').click();
  await waitFor('the override in the status bar', async () => (await statusText(page)).includes('AWS: c9_work'));
  await newTerminal(page);
  const out = path.join(demo.home, 'e2e-profile.txt');
  await typeInTerminal(page, `echo "AWS_PROFILE=$AWS_PROFILE" > ${out}`);
  await waitFor('the new terminal\'s environment', () => Promise.resolve(existsSync(out) && readFileSync(out, 'utf8').trim() === 'AWS_PROFILE=c9_work'));
  await shot(page, 'overridden');
  // The terminal of the seed's denial, opened before the change (the tabs are in creation order).
  await page.locator('.terminal-tabs-entry').nth(1).click({ position: { x: 12, y: 10 } }); // its icon: the middle holds the tab's buttons
  await waitFor('the old terminal in front', async () => (await terminalText(page)).includes('iam create-role'));
  const before = demo.fake.calls.length;
  await typeInTerminal(page, 'aws sts assume-role --role-arn arn:aws:iam::123456789012:role/x --role-session-name e2e');
  await toast(page, /AMTC does not allow sts:AssumeRole.*relaunch it/).first().waitFor({ timeout: 30_000 });
  if (!demo.fake.calls.slice(before).some((c) => c.action === 'AssumeRole' && c.keyId?.startsWith('ASIA'))) throw new Error('the old terminal did not sign with the managed key');
  await mouseAway(page);
  await shot(page, 'old-terminal-denial');
}];
