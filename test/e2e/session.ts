// The long session of issue 13: one workbench, the packaged .vsix, the real AWS CLI in real
// terminals, the steps a person takes over a day, in order; each step leaves the workbench as the
// next one finds it (nothing is reset between steps) and saves a screenshot of what it checked.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { DemoHome } from '../tools/demoHome';
import { ROOT } from '../host/workbench';
import { atStep, clickToastButton, newTerminal, runCommand, STATUS_ITEM, statusClass, statusText, terminalText, toast, typeInTerminal, waitFor } from './ui';

export const SHOTS = path.join(ROOT, 'test-results', 'e2e');
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ATTACH = 'aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p';
const MANAGED = /AMTC 1[45]m/;

export interface Ctx {
  page: Page;
  demo: DemoHome;
}

export type Step = [string, (ctx: Ctx) => Promise<void>];

export async function shot(page: Page, name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 400)); // let toasts and hovers finish fading in
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/**
 * A screenshot cropped to what the walkthrough shows (`walkthrough-<name>.png`): the union of the
 * given elements plus a margin, so the picture is readable at the walkthrough's size.
 */
async function crop(page: Page, name: string, parts: Locator[], margin = 16): Promise<void> {
  const boxes = (await Promise.all(parts.map((l) => l.first().boundingBox()))).filter((b): b is NonNullable<typeof b> => b !== null);
  if (!boxes.length) throw new Error(`nothing to crop for ${name}`);
  const vp = page.viewportSize() ?? { width: 1280, height: 720 };
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  await page.screenshot({ path: path.join(SHOTS, `walkthrough-${name}.png`), clip: { x, y, width: right - x, height: bottom - y } });
}

/** Changes a setting in the Settings editor, as a person would: search it, type the value. */
async function setSetting(page: Page, key: string, value: string): Promise<void> {
  await runCommand(page, 'Preferences: Open Settings (UI)');
  const search = page.locator('.settings-editor .suggest-input-container .monaco-editor textarea').first();
  await search.waitFor({ state: 'attached' });
  await search.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(key);
  const input = page.locator(`.setting-item-contents[data-key="${key}"] input`).first();
  await input.waitFor({ timeout: 15_000 });
  await input.fill(value);
  await input.press('Tab');
  await new Promise((r) => setTimeout(r, 600)); // the settings editor writes after a short debounce
  await page.keyboard.press('Control+W');
}

const row = (page: Page, text: string | RegExp) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();

export const STEPS: Step[] = [
  ['managed: a countdown, and the tooltip shows the masked key id', async ({ page }) => {
    await waitFor('AMTC countdown', async () => MANAGED.test(await statusText(page)), 60_000);
    await page.hover(STATUS_ITEM);
    const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
    await hover.waitFor();
    const text = await hover.innerText();
    if (!/ASIA…\w{4}/.test(text)) throw new Error(`no masked key id in the tooltip: ${text}`);
    await shot(page, 'managed');
    await crop(page, 'tooltip', [hover, page.locator(STATUS_ITEM)]);
    await page.keyboard.press('Escape');
  }],
  ['the simulator stops refreshing: with a short lifetime the item turns to expired (error colour)', async (ctx) => {
    ctx.demo.simulator.stop();
    await setSetting(ctx.page, 'amtcGuard.credentialLifetimeMinutes', '0.1');
    await waitFor('expired', async () => (await statusText(ctx.page)).includes('AMTC expired') && (await statusClass(ctx.page)).includes('error-kind'), 30_000);
    await shot(ctx.page, 'expired');
    await setSetting(ctx.page, 'amtcGuard.credentialLifetimeMinutes', '15');
    ctx.demo.simulator.forceUpdate();
    await waitFor('managed again', async () => MANAGED.test(await statusText(ctx.page)));
  }],
  ['the seed: attach-role-policy on hoge_role → the Cloud9- rule → Add fallback profile → Run again succeeds', async ({ page, demo }) => {
    await newTerminal(page);
    await typeInTerminal(page, ATTACH);
    await toast(page, /only on roles named Cloud9-/).first().waitFor({ timeout: 30_000 });
    await shot(page, 'denial');
    await crop(page, 'denial', [toast(page, /only on roles named Cloud9-/)]);
    await clickToastButton(page, /only on roles named Cloud9-/, 'Add fallback profile');
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
    const before = demo.fake.calls.length;
    await clickToastButton(page, /Added profile c9_work/, 'Run again');
    await waitFor('the call signed with the new key', () => Promise.resolve(demo.fake.calls.slice(before).some((c) => c.action === 'AttachRolePolicy' && c.keyId === KEY_ID)), 30_000);
    await waitFor('the command line with --profile in the terminal', async () => (await terminalText(page)).includes('aws --profile c9_work iam attach-role-policy'));
    await shot(page, 'run-again');
  }],
  ['Verify from the Command Palette: the demo\'s STS answers for c9_work (item 7)', async ({ page, demo }) => {
    const before = demo.fake.calls.length;
    await runCommand(page, 'AMTC Guard: Verify profile');
    await row(page, 'c9_work').click();
    await toast(page, /Profile c9_work works as arn:aws:iam::123456789012:user\/c9_work/).first().waitFor({ timeout: 30_000 });
    if (!demo.fake.calls.slice(before).some((c) => c.action === 'GetCallerIdentity' && c.keyId === KEY_ID)) throw new Error('Verify did not reach the fake STS');
    await shot(page, 'verify');
  }],
  ['Use in terminals: a new terminal has AWS_PROFILE set; the status bar shows the override', async ({ page, demo }) => {
    await runCommand(page, 'AMTC Guard: Use profile in terminals');
    await row(page, 'c9_work').click();
    await waitFor('the override in the status bar', async () => (await statusText(page)).includes('AWS: c9_work'));
    await newTerminal(page);
    const out = path.join(demo.home, 'e2e-profile.txt');
    await typeInTerminal(page, `echo "AWS_PROFILE=$AWS_PROFILE" > ${out}`);
    await waitFor('the new terminal\'s environment', () => Promise.resolve(existsSync(out) && readFileSync(out, 'utf8').trim() === 'AWS_PROFILE=c9_work'));
    await shot(page, 'overridden');
  }],
];
