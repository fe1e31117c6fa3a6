// What every step of the long session shares: the page, the demo home, the fake IMDS, and how a step
// leaves its evidence (a screenshot per step in test-results/e2e/) or changes a setting like a user.
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { DemoHome } from '../tools/demoHome';
import type { FakeImds } from '../tools/fakeImds';
import { ROOT } from '../host/workbench';
import { runCommand } from './ui';

export const SHOTS = path.join(ROOT, 'test-results', 'e2e');
export { DEMO_KEY_ID as KEY_ID, DEMO_SECRET as SECRET } from '../tools/demoHome';
export const ATTACH = 'aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p';
/** The item while Cloud9's managed credentials are fresh (the simulator writes a 15-minute lifetime). */
export const MANAGED = /AMTC 1[45]m/;

export interface Ctx {
  page: Page;
  demo: DemoHome;
  /** The workbench's instance metadata service (AWS_EC2_METADATA_SERVICE_ENDPOINT): an instance role answers. */
  imds: FakeImds;
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
export async function crop(page: Page, name: string, parts: Locator[], margin = 16): Promise<void> {
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
export async function setSetting(page: Page, key: string, value: string): Promise<void> {
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

export const row = (page: Page, text: string | RegExp): Locator => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
