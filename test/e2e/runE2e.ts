// `npm run test:e2e`: the long session (test/e2e/session.ts) in a real VS Code in a real browser,
// as a person would live it, with the packaged .vsix installed and the real AWS CLI v2 in the
// integrated terminal; then a second window on an empty HOME, where the extension stays quiet.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { createDemoHome } from '../tools/demoHome';
import { startFakeImds } from '../tools/fakeImds';
import { CODE_SERVER, ensureHostTools, ROOT, startWorkbench } from '../host/workbench';
import { LayerRun, runLayer } from '../host/layerResults';
import type { TestResult } from '../host/probe';
import { Ctx, shot, SHOTS, Step } from './context';
import { STEPS } from './session';
import { STATUS_ITEM, waitFor } from './ui';

const DOCS = path.join(ROOT, 'docs', 'images');

function install(root: string, home: string): string {
  const extensionsDir = path.join(root, 'extensions');
  const r = spawnSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--install-extension', path.join(ROOT, 'dist', 'amtc-guard.vsix')], { env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: path.join(root, 'xdg'), XDG_DATA_HOME: path.join(root, 'xdg'), EXTENSIONS_GALLERY: '{}' }, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('installing the .vsix failed');
  return extensionsDir;
}

/** Runs steps in order; after a failure the rest are reported as not run. */
async function runSteps(page: Page, steps: Step[], ctx: Ctx, results: TestResult[]): Promise<void> {
  let broken = false;
  for (const [title, step] of steps) {
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
}

/** The extension's log in a workbench's logs folder, once it has written the first state. */
function firstStateLogged(root: string): boolean {
  const find = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? find(path.join(dir, e.name)) : e.name === 'AMTC Guard.log' ? [path.join(dir, e.name)] : []));
  return existsSync(root) && find(root).some((f) => /state \w+/.test(readFileSync(f, 'utf8')));
}

const SECOND_WINDOW = 'a second window on an empty HOME (no Cloud9, no credentials): no item, and no Cloud9-only command in the palette';

async function secondWindow(root: string, results: TestResult[]): Promise<void> {
  const home = path.join(root, 'empty-home');
  mkdirSync(home);
  const wb = await startWorkbench({ extensionsDir: install(root, home), env: { HOME: home } });
  try {
    const page = await wb.openBrowser();
    await waitFor('the extension\'s first state in its log', () => Promise.resolve(firstStateLogged(wb.root)), 60_000);
    await page.locator('.statusbar').waitFor();
    if ((await page.locator(STATUS_ITEM).count()) !== 0) throw new Error('the status item shows on an empty HOME');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>AMTC Guard: ');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Add fallback profile' }).first().waitFor();
    const offered = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    const cloud9Only = offered.filter((t) => /Repair|chmod|Verify profile/.test(t));
    await shot(page, 'empty-home');
    if (cloud9Only.length) throw new Error(`commands that cannot act are offered: ${cloud9Only.join(' | ')}`);
    results.push({ title: SECOND_WINDOW, state: 'passed' });
    console.log(`  ✔ ${SECOND_WINDOW}`);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    results.push({ title: SECOND_WINDOW, state: 'failed', error });
    console.log(`  ✘ ${SECOND_WINDOW}\n      ${error}`);
  } finally {
    await wb.close();
  }
}

async function main(): Promise<LayerRun> {
  ensureHostTools();
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (pack.status !== 0) throw new Error('npm run package failed');
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const root = mkdtempSync(path.join(tmpdir(), 'amtc-e2e-'));
  const home = path.join(root, 'home');
  mkdirSync(home);
  const extensionsDir = install(root, home);
  const demo = await createDemoHome(home, 5_000);
  // An instance role answers on the workbench's (loopback) instance metadata service all day: the
  // AWS CLI reaches it only once nothing in the files comes first (issue 16).
  const imds = await startFakeImds();
  const results: TestResult[] = [];
  try {
    const wb = await startWorkbench({ extensionsDir, env: { HOME: home, AWS_EC2_METADATA_SERVICE_ENDPOINT: imds.url }, workspace: home, settings: demo.settings });
    try {
      const page = await wb.openBrowser();
      await runSteps(page, STEPS, { page, demo, imds }, results);
    } finally {
      await wb.close();
      await demo.close();
      await imds.close();
    }
    await secondWindow(root, results);
  } finally {
    rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
  if (process.env.AMTC_UPDATE_DOCS === '1') {
    mkdirSync(DOCS, { recursive: true });
    const crops = readdirSync(SHOTS).filter((f) => f.startsWith('walkthrough-')).map((f) => f.replace(/\.png$/, ''));
    for (const name of ['managed', 'expired', 'modified', 'denial', 'wizard-secret', 'run-again', 'overridden', ...crops]) {
      if (existsSync(path.join(SHOTS, `${name}.png`))) copyFileSync(path.join(SHOTS, `${name}.png`), path.join(DOCS, `${name}.png`));
    }
    // Smaller PNGs keep the .vsix (which carries the README's images) small; optional.
    spawnSync('sh', ['-c', 'command -v pngquant >/dev/null && pngquant --force --quality=70-90 --ext .png docs/images/*.png'], { cwd: ROOT, stdio: 'ignore' });
  }
  return { results };
}

runLayer('e2e', main);
