// The extension-host side of test/host/probe.ts.
import * as vscode from 'vscode';
import type { StatusBarEntry } from '../probe';

const base = (): string => {
  const url = process.env.AMTC_PROBE_URL;
  if (!url) throw new Error('AMTC_PROBE_URL is not set: run these tests through runHostTests');
  return url;
};

async function call<T>(route: string, params: Record<string, string> = {}, body?: string): Promise<T> {
  const res = await fetch(`${base()}${route}?${new URLSearchParams(params).toString()}`, { method: body === undefined ? 'GET' : 'POST', body });
  if (!res.ok) throw new Error(`probe ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The quick input widget in the DOM (see /quickInput in test/host/probe.ts). */
export interface QuickInputView {
  visible: boolean;
  text: string;
  message: string;
  title: string;
  value: string;
  rows: string[];
  active: string;
}

export const probe = {
  report: (r: { title: string; state: 'passed' | 'failed'; error?: string; durationMs?: number }) => call('/result', {}, JSON.stringify(r)),
  log: (text: string) => call('/log', {}, text),
  statusBar: () => call<StatusBarEntry[]>('/statusbar'),
  /** The toasts on screen (and the centre's rows while notified() has left it open: it is closed first). */
  notifications: async () => {
    await closeCentre();
    return call<Notice[]>('/notifications');
  },
  /** Each button on the toasts (or in the centre notified() left open): its text and widths. */
  notificationButtons: () => call<{ text: string; clientWidth: number; scrollWidth: number }[]>('/notificationButtons'),
  settingsEditor: (toc?: string) => call<{ toc: string[]; items: { category: string; label: string }[] }>('/settingsEditor', toc ? { toc } : {}),
  hover: (id: string) => call<{ text: string }>('/hover', { id }),
  screenshot: (name: string) => call<{ file: string }>('/screenshot', { name }),
  click: (name: string) => call('/click', { name }),
  tabs: () => call<string[]>('/tabs'),
  dialog: () => call<{ visible: boolean; text: string; buttons: string[] }>('/dialog'),
  dialogClick: (name: string) => call('/dialogClick', { name }),
  frameText: (text: string) => call<{ found: boolean; text: string }>('/frameText', { text }),
  quickInput: () => call<QuickInputView>('/quickInput'),
  anchors: () => call<{ text: string; href: string }[]>('/anchors'),
  domContains: (text: string) => call<{ where: string[] }>('/domContains', { text }),
  frameHoverColours: (text: string, link: string) => call<{ rest?: Colours; hover?: Colours }>('/frameHoverColours', { text, link }),
  frameClick: (text: string, link: string) => call<{ clicked: boolean }>('/frameClick', { text, link }),
  actionWidget: () => call<{ visible: boolean; actions: string[]; focused: string }>('/actionWidget'),
  attributes: (selector: string, name: string) => call<{ id: string; value: string }[]>('/attributes', { selector, name }),
  keys: (press: string[], type?: string) => call('/keys', { press: press.join(','), ...(type ? { type } : {}) }),
};

interface Colours {
  color: string;
  background: string;
}

export interface Notice {
  message: string;
  buttons: string[];
}

let centreOpen = false;
async function closeCentre(): Promise<void> {
  if (!centreOpen) return;
  centreOpen = false;
  await vscode.commands.executeCommand('notifications.hideList');
}

/**
 * Waits until a notification matches, on a toast or in the notification centre. VS Code shows no toast
 * for a fourth notification within 800 ms (its spam protection: a Verify's progress and result right
 * after another's are four), and such a notification is only in the centre, as a user would find it.
 * After a second without a matching toast the centre is opened and read too; when the match is there
 * the centre stays open, so its buttons can be clicked, until the next probe.notifications().
 */
export async function notified(match: (n: Notice) => boolean, what: string, timeoutMs = 10_000): Promise<Notice[]> {
  const started = Date.now();
  let last: Notice[] = [];
  for (;;) {
    last = await probe.notifications();
    if (last.some(match)) return last;
    if (Date.now() - started > 1000) {
      await vscode.commands.executeCommand('notifications.showList');
      centreOpen = true;
      last = await call<Notice[]>('/notifications');
      if (last.some(match)) return last;
      await closeCentre();
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Our status bar item as the workbench renders it. */
export async function amtcItem(): Promise<StatusBarEntry | undefined> {
  return (await probe.statusBar()).find((e) => e.id.endsWith('amtcGuard.status'));
}

/** Polls until check passes (UI updates are asynchronous); returns the last value. */
export async function eventually<T>(get: () => Promise<T>, check: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T = await get();
  while (!check(last)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await get();
  }
  return last;
}

/** Every label is on a toast button and reads whole: the button is as wide as its text (VS Code cuts a long label off with an ellipsis). */
export async function assertButtonsWhole(labels: readonly string[]): Promise<void> {
  const shown = await probe.notificationButtons();
  for (const label of labels) {
    const b = shown.find((x) => x.text === label);
    if (!b) throw new Error(`no toast button "${label}" in ${JSON.stringify(shown)}`);
    if (b.scrollWidth > b.clientWidth) throw new Error(`the button "${label}" is cut off: ${b.scrollWidth}px of text in ${b.clientWidth}px (${JSON.stringify(shown)})`);
  }
}
