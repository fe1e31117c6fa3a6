// What a person does in the workbench, as Playwright calls: the command palette, quick inputs,
// notifications, the status bar and the integrated terminal.
import type { Locator, Page } from 'playwright-core';

export const STATUS_ITEM = '[id$="amtcGuard.status"]';

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function statusText(page: Page): Promise<string> {
  return (await page.locator(STATUS_ITEM).innerText().catch(() => '')).trim();
}

export async function statusClass(page: Page): Promise<string> {
  return (await page.locator(STATUS_ITEM).getAttribute('class').catch(() => '')) ?? '';
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.notification-toast', { hasText: text });
}

export async function clickToastButton(page: Page, text: string | RegExp, button: string): Promise<void> {
  const t = toast(page, text).first();
  await t.waitFor({ timeout: 30_000 });
  await t.getByRole('button', { name: button, exact: true }).click();
}

/** Waits until the quick input shows step `n` of `total` (the wizard's step counter). */
export async function atStep(page: Page, n: number, total: number): Promise<void> {
  await waitFor(`step ${n}/${total}`, async () => (await page.locator('.quick-input-widget').innerText()).includes(`${n}/${total}`));
}

export async function newTerminal(page: Page): Promise<void> {
  await runCommand(page, 'Terminal: Create New Terminal');
  await page.locator('.terminal-wrapper.active .xterm-helper-textarea').waitFor({ state: 'attached' });
  // The prompt of the demo .bashrc ends in "$ ".
  await waitFor("the shell prompt", async () => /\$\s*$/m.test(await terminalText(page)));
}

/** The visible terminal text; xterm renders spaces as U+00A0, which is turned back into spaces. */
export async function terminalText(page: Page): Promise<string> {
  return (await page.locator('.terminal-wrapper.active .xterm-rows').innerText().catch(() => '')).replace(/\u00a0/g, ' ');
}

export async function typeInTerminal(page: Page, line: string): Promise<void> {
  await page.locator('.terminal-wrapper.active .xterm-helper-textarea').focus();
  await page.keyboard.type(line, { delay: 2 });
  await page.keyboard.press('Enter');
}
