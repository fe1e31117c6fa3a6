// `npm run test:e2e`: the whole story in a real VS Code in a real browser, as a person would do it,
// with the packaged .vsix installed and the real AWS CLI v2 in the integrated terminal.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { createDemoHome, DemoHome } from '../tools/demoHome';
import { CODE_SERVER, ensureHostTools, ROOT, startWorkbench } from '../host/workbench';
import { LayerRun, runLayer } from '../host/layerResults';
import type { TestResult } from '../host/probe';
import { atStep, clickToastButton, newTerminal, runCommand, STATUS_ITEM, statusClass, statusText, terminalText, toast, typeInTerminal, waitFor } from './ui';

const SHOTS = path.join(ROOT, 'test-results', 'e2e');
const DOCS = path.join(ROOT, 'docs', 'images');
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ATTACH = 'aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p';

interface Ctx {
  page: Page;
  demo: DemoHome;
}

async function shot(page: Page, name: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 400)); // let toasts and hovers finish fading in
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
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

const STEPS: [string, (ctx: Ctx) => Promise<void>][] = [
  ['1. fresh simulator: managed with a countdown; the tooltip shows the masked key id', async ({ page }) => {
    await waitFor('AMTC countdown', async () => /AMTC 1[45]m/.test(await statusText(page)), 60_000);
    await page.hover(STATUS_ITEM);
    const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').first();
    await hover.waitFor();
    const text = await hover.innerText();
    if (!/ASIA…\w{4}/.test(text)) throw new Error(`no masked key id in the tooltip: ${text}`);
    await shot(page, 'managed');
    await page.keyboard.press('Escape');
  }],
  ['2. simulator stops refreshing: with a short lifetime the item turns to expired (error colour)', async (ctx) => {
    ctx.demo.simulator.stop();
    await setSetting(ctx.page, 'amtcGuard.credentialLifetimeMinutes', '0.1');
    await waitFor('expired', async () => (await statusText(ctx.page)).includes('AMTC expired') && (await statusClass(ctx.page)).includes('error-kind'), 30_000);
    await shot(ctx.page, 'expired');
    await setSetting(ctx.page, 'amtcGuard.credentialLifetimeMinutes', '15');
    ctx.demo.simulator.forceUpdate();
    await waitFor('managed again', async () => /AMTC 1[45]m/.test(await statusText(ctx.page)));
  }],
  ['3. the seed: attach-role-policy on hoge_role → notification on the Cloud9- rule → Add fallback profile → Run again succeeds', async ({ page, demo }) => {
    await newTerminal(page);
    await typeInTerminal(page, ATTACH);
    const denial = toast(page, /only on roles named Cloud9-/).first();
    await denial.waitFor({ timeout: 30_000 });
    await shot(page, 'denial');
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
  ['4. `aws configure --profile c9_work` edits the managed file → modified → Repair from the status item → managed again', async ({ page, demo }) => {
    appendFileSync(demo.credentials, `\n[c9_work]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`);
    await waitFor('modified', async () => (await statusText(page)).includes('AMTC modified') && (await statusClass(page)).includes('warning-kind'));
    await shot(page, 'modified');
    await page.click(STATUS_ITEM);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Repair managed credentials file' }).click();
    await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Repair', exact: true }).click();
    await waitFor('Cloud9\'s bytes restored', () => Promise.resolve(readFileSync(demo.credentials, 'utf8') === demo.simulator.written));
    const config = readFileSync(demo.config, 'utf8');
    if (config.split('[profile c9_work]').length !== 2) throw new Error(`c9_work should be in the config once:\n${config}`);
    demo.simulator.refresh(); // the next tick of the simulator, now allowed again
    await waitFor('managed after repair', async () => /AMTC 1[45]m/.test(await statusText(page)));
  }],
  ['5. Use in terminals: a new terminal has AWS_PROFILE set; the status bar shows the override', async ({ page, demo }) => {
    await runCommand(page, 'AMTC Guard: Use profile in terminals');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'c9_work' }).first().click();
    await waitFor('the override in the status bar', async () => (await statusText(page)).includes('AWS: c9_work'));
    await newTerminal(page);
    const out = path.join(demo.home, 'e2e-profile.txt');
    await typeInTerminal(page, `echo "AWS_PROFILE=$AWS_PROFILE" > ${out}`);
    await waitFor('the new terminal\'s environment', () => Promise.resolve(existsSync(out) && readFileSync(out, 'utf8').trim() === 'AWS_PROFILE=c9_work'));
    await shot(page, 'overridden');
  }],
];

async function main(): Promise<LayerRun> {
  ensureHostTools();
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pack.status !== 0) throw new Error('npm run package failed');
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const root = mkdtempSync(path.join(tmpdir(), 'amtc-e2e-'));
  const home = path.join(root, 'home');
  const extensionsDir = path.join(root, 'extensions');
  mkdirSync(home);
  const install = spawnSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--install-extension', path.join(ROOT, 'dist', 'amtc-guard.vsix')], { env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: path.join(root, 'xdg'), XDG_DATA_HOME: path.join(root, 'xdg'), EXTENSIONS_GALLERY: '{}' }, stdio: 'ignore' });
  if (install.status !== 0) throw new Error('installing the .vsix failed');
  const demo = await createDemoHome(home, 5_000);
  const wb = await startWorkbench({ extensionsDir, env: { HOME: home }, workspace: home });
  const results: TestResult[] = [];
  try {
    const page = await wb.openBrowser();
    const ctx: Ctx = { page, demo };
    let broken = false;
    for (const [title, step] of STEPS) {
      if (broken) {
        results.push({ title, state: 'failed', error: 'not run: an earlier step failed' });
        console.log(`  ✘ ${title} (not run)`);
        continue;
      }
      try {
        await step(ctx);
        results.push({ title, state: 'passed' });
        console.log(`  ✔ ${title}`);
      } catch (e) {
        broken = true;
        const error = e instanceof Error ? e.message : String(e);
        results.push({ title, state: 'failed', error });
        console.log(`  ✘ ${title}\n      ${error}`);
        await page.screenshot({ path: path.join(SHOTS, 'failure.png') }).catch(() => undefined);
      }
    }
  } finally {
    await wb.close();
    await demo.close();
    rmSync(root, { recursive: true, force: true });
  }
  if (process.env.AMTC_UPDATE_DOCS === '1') {
    mkdirSync(DOCS, { recursive: true });
    for (const name of ['managed', 'expired', 'modified', 'denial', 'wizard-secret', 'run-again', 'overridden']) {
      if (existsSync(path.join(SHOTS, `${name}.png`))) copyFileSync(path.join(SHOTS, `${name}.png`), path.join(DOCS, `${name}.png`));
    }
    // Smaller PNGs keep the .vsix (which carries the README's images) small; optional.
    spawnSync('sh', ['-c', 'command -v pngquant >/dev/null && pngquant --force --quality=70-90 --ext .png docs/images/*.png'], { cwd: ROOT, stdio: 'ignore' });
  }
  return { results };
}

runLayer('e2e', main);
