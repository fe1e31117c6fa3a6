// The long session of issue 13: one workbench, the packaged .vsix, the real AWS CLI in real
// terminals, the steps a person takes over a day, in order; each step leaves the workbench as the
// next one finds it (nothing is reset between steps) and saves a screenshot of what it checked.
import { crop, KEY_ID, MANAGED, row, setSetting, shot, Step } from './context';
import { AFTER_SUCCESS_TOAST, IGNORED_TOAST, OLD_TERMINAL, WHY_THEN_FIX } from './denialSteps';
import { EXPLAIN_PASTED, INSTANCE_ROLE, MANAGED_FILE } from './fileSteps';
import { runCommand, STATUS_ITEM, statusClass, statusText, toast, waitFor } from './ui';

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
  }],
  INSTANCE_ROLE,
  EXPLAIN_PASTED,
  IGNORED_TOAST,
  AFTER_SUCCESS_TOAST,
  WHY_THEN_FIX,
  ['Verify from the Command Palette: the demo\'s STS answers for c9_work (item 7)', async ({ page, demo }) => {
    const before = demo.fake.calls.length;
    await runCommand(page, 'AMTC Guard: Verify profile');
    await row(page, 'c9_work').click();
    await toast(page, /Profile c9_work works as arn:aws:iam::123456789012:user\/c9_work/).first().waitFor({ timeout: 30_000 });
    if (!demo.fake.calls.slice(before).some((c) => c.action === 'GetCallerIdentity' && c.keyId === KEY_ID)) throw new Error('Verify did not reach the fake STS');
    await shot(page, 'verify');
  }],
  MANAGED_FILE,
  OLD_TERMINAL,
];
