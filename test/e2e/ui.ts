// What a person does in the workbench, as Playwright calls: the command palette, quick inputs,
// notifications, the status bar and the integrated terminal.
import type { FrameLocator, Locator, Page } from 'playwright-core';

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

/** The page inside the visible webview (VS Code nests it: the host iframe, then #active-frame). */
export function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready:visible').frameLocator('#active-frame');
}

/** The modal dialog VS Code draws in the page for `{ modal: true }` messages. */
export function dialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box');
}

/** Moves the mouse off the notifications, so a toast can hide on its own (VS Code keeps a toast under the mouse). */
export async function mouseAway(page: Page): Promise<void> {
  await page.mouse.move(400, 200);
}

/**
 * Clicks a button of a notification: on its toast while it shows, else in the notification centre
 * (where VS Code moves a toast nobody touched).
 */
export async function clickNotificationButton(page: Page, text: string | RegExp, button: string): Promise<void> {
  const onToast = toast(page, text).first().getByRole('button', { name: button, exact: true });
  if (await onToast.isVisible()) return onToast.click();
  await runCommand(page, 'Notifications: Show Notifications');
  await page.locator('.notifications-center .notification-list-item', { hasText: text }).first().getByRole('button', { name: button, exact: true }).click();
}

/** Closes every editor (the explanation webviews, the files opened by a step). */
export async function closeEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await waitFor('no editor open', async () => (await page.locator('.tabs-container .tab').count()) === 0);
}
