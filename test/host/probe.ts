// A loopback HTTP server through which tests running inside the extension host report results and
// ask about the real workbench DOM (status bar item, notifications, hovers, screenshots).
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  durationMs?: number;
}

export interface Probe {
  url: string;
  results: TestResult[];
  setPage(page: Page): void;
  close(): Promise<void>;
}

export interface StatusBarEntry {
  id: string;
  text: string;
  ariaLabel: string;
  className: string;
  background: string;
}

export async function startProbe(screenshotDir: string, log: (line: string) => void): Promise<Probe> {
  let page: Page | undefined;
  const results: TestResult[] = [];
  const routes: Record<string, (q: URLSearchParams, body: string) => Promise<unknown>> = {
    '/result': (_q, body) => {
      const r = JSON.parse(body) as TestResult;
      results.push(r);
      log(`  ${r.state === 'passed' ? '✔' : '✘'} ${r.title}${r.error ? `\n      ${r.error.split('\n').join('\n      ')}` : ''}`);
      return Promise.resolve({});
    },
    '/log': (_q, body) => {
      log(`  [host] ${body}`);
      return Promise.resolve({});
    },
    // In-page scripts are strings so the DOM types stay out of this Node project's type check.
    '/statusbar': () => need(page).evaluate(`[...document.querySelectorAll('.statusbar-item')].map((el) => ({
        id: el.id,
        text: el.innerText.trim(),
        ariaLabel: el.getAttribute('aria-label') ?? el.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '',
        className: el.className,
        background: getComputedStyle(el).backgroundColor,
      }))`),
    // VS Code holds toasts back while its window has no focus: the page is brought to the front first.
    '/notifications': async () => {
      await need(page).bringToFront();
      return need(page).evaluate(`[...document.querySelectorAll('.notification-list-item')].map((el) => ({
        message: el.querySelector('.notification-list-item-message')?.innerText ?? '',
        buttons: [...el.querySelectorAll('.monaco-button')].map((b) => b.innerText.trim()).filter(Boolean),
      }))`);
    },
    // Each toast button's text and whether it shows whole (its text is not cut off with an ellipsis).
    '/notificationButtons': async () => {
      await need(page).bringToFront();
      return need(page).evaluate(`[...document.querySelectorAll('.notification-list-item .monaco-button')].filter((b) => b.innerText.trim()).map((b) => ({
        text: b.innerText.trim(),
        clientWidth: b.clientWidth,
        scrollWidth: b.scrollWidth,
      }))`);
    },
    // The Settings editor as shown: its table of contents and each setting's category and label.
    // With `toc`, the table-of-contents row with that text is clicked first (browsing, not searching).
    '/settingsEditor': async (q) => {
      const toc = q.get('toc');
      if (toc) await need(page).locator('.settings-toc-container .monaco-list-row').filter({ hasText: toc }).first().click();
      return need(page).evaluate(`({
        toc: [...document.querySelectorAll('.settings-toc-container .monaco-list-row')].map((r) => r.innerText.trim()),
        items: [...document.querySelectorAll('.settings-editor .setting-item-contents')].map((el) => ({
          category: el.querySelector('.setting-item-category')?.innerText.trim() ?? '',
          label: el.querySelector('.setting-item-label')?.innerText.trim() ?? '',
        })),
      })`);
    },
    '/hover': async (q) => {
      const p = need(page);
      // From elsewhere first: a pointer already resting on the item would not open a new hover.
      await p.mouse.move(0, 0);
      await p.hover(`[id="${q.get('id') ?? ''}"]`);
      const hover = p.locator('.monaco-hover:visible, .workbench-hover:visible').first();
      await hover.waitFor({ timeout: 5000 });
      return { text: await hover.innerText() };
    },
    '/frameText': async (q) => {
      // Webviews (the Markdown preview) render in nested frames; search all of them.
      const wanted = q.get('text') ?? '';
      for (const frame of need(page).frames()) {
        const text = await frame.evaluate<string>(`document.body?.innerText ?? ''`).catch(() => '');
        if (text.includes(wanted)) return { found: true, text };
      }
      return { found: false, text: '' };
    },
    // Every anchor in the workbench and in every webview frame: { text, href } (href or data-href).
    '/anchors': async () => {
      const all: { text: string; href: string }[] = [];
      for (const frame of need(page).frames()) {
        const found = await frame
          .evaluate<{ text: string; href: string }[]>(`[...document.querySelectorAll('a')].map((a) => ({ text: a.innerText ?? '', href: a.getAttribute('href') ?? a.getAttribute('data-href') ?? '' }))`)
          .catch(() => []);
        all.push(...found);
      }
      return all;
    },
    // Whether the text appears anywhere in the DOM (markup and attributes) of the workbench or a
    // webview, leaving out the terminal, which shows what the user typed.
    '/domContains': async (q) => {
      const wanted = q.get('text') ?? '';
      const where: string[] = [];
      for (const frame of need(page).frames()) {
        const html = await frame
          .evaluate<string>(`(() => { const c = document.documentElement.cloneNode(true); c.querySelectorAll('.xterm, .terminal-wrapper, .terminal-tabs-entry').forEach((e) => e.remove()); return c.outerHTML; })()`)
          .catch(() => '');
        if (html.includes(wanted)) where.push(frame.url().slice(0, 80));
      }
      return { where };
    },
    // Clicks the link named `link` inside the webview frame whose text contains `text`.
    '/frameClick': async (q) => {
      const wanted = q.get('text') ?? '';
      for (const frame of need(page).frames()) {
        const text = await frame.evaluate<string>(`document.body?.innerText ?? ''`).catch(() => '');
        if (!text.includes(wanted)) continue;
        await frame.getByRole('button', { name: q.get('link') ?? '', exact: true }).or(frame.getByRole('link', { name: q.get('link') ?? '', exact: true })).first().click();
        return { clicked: true };
      }
      return { clicked: false };
    },
    // Hovers the link named `link` inside the webview frame whose text contains `text`, and returns
    // its computed text and background colours while the pointer is on it.
    // The computed colours of the link named `link` inside the webview frame whose text contains
    // `text`: at rest, then with the pointer on it.
    '/frameHoverColours': async (q) => {
      const wanted = q.get('text') ?? '';
      const name = q.get('link') ?? '';
      const colours = `(() => { const a = [...document.querySelectorAll('a')].find((x) => x.innerText.trim() === ${JSON.stringify(name)}); if (!a) return undefined; const s = getComputedStyle(a); return { color: s.color, background: s.backgroundColor }; })()`;
      for (const frame of need(page).frames()) {
        const text = await frame.evaluate<string>(`document.body?.innerText ?? ''`).catch(() => '');
        if (!text.includes(wanted)) continue;
        await need(page).mouse.move(0, 0);
        const rest = await frame.evaluate(colours);
        await frame.getByRole('button', { name, exact: true }).or(frame.getByRole('link', { name, exact: true })).first().hover({ timeout: 10_000 });
        return { rest, hover: await frame.evaluate(colours) };
      }
      return { rest: undefined, hover: undefined };
    },
    '/screenshot': async (q) => {
      mkdirSync(screenshotDir, { recursive: true });
      // Let toasts and hovers finish their fade-in animation.
      await new Promise((r) => setTimeout(r, 400));
      const file = path.join(screenshotDir, `${(q.get('name') ?? 'shot').replace(/[^\w.-]/g, '_')}.png`);
      await need(page).screenshot({ path: file });
      return { file };
    },
    '/click': async (q) => {
      const p = need(page);
      await p.getByRole('button', { name: q.get('name') ?? '', exact: false }).first().click({ timeout: 10_000 });
      return {};
    },
    '/dialog': () => need(page).evaluate(`(() => {
        const d = document.querySelector('.monaco-dialog-box');
        if (!d) return { visible: false, text: '', buttons: [] };
        return { visible: true, text: d.innerText, buttons: [...d.querySelectorAll('.monaco-button')].map((b) => b.innerText.trim()).filter(Boolean) };
      })()`),
    '/dialogClick': async (q) => {
      await need(page).locator('.monaco-dialog-box').getByRole('button', { name: q.get('name') ?? '', exact: true }).click();
      return {};
    },
    '/tabs': () => need(page).evaluate(`[...document.querySelectorAll('.tab .label-name')].map((el) => el.innerText)`),
    // The quick input as the user sees it: its title, validation message, the box's value (a
    // password box's too), the rows in order and the row a plain Enter would accept.
    '/quickInput': () => need(page).evaluate(`(() => {
        const w = document.querySelector('.quick-input-widget');
        if (!w || w.style.display === 'none') return { visible: false, text: '', message: '', title: '', value: '', rows: [], active: '' };
        const rowText = (r) => r.querySelector('.monaco-icon-label')?.innerText?.trim() ?? r.innerText.trim();
        const rows = [...w.querySelectorAll('.quick-input-list .monaco-list-row')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
        const active = rows.find((r) => r.classList.contains('focused'));
        return {
          visible: true,
          text: w.innerText,
          message: w.querySelector('.quick-input-message')?.innerText ?? '',
          title: w.querySelector('.quick-input-title')?.innerText ?? '',
          value: w.querySelector('.quick-input-box input')?.value ?? '',
          rows: rows.map(rowText),
          active: active ? rowText(active) : '',
        };
      })()`),
    // The code action menu (lightbulb / Quick Fix) as listed: its actions in order and the focused one.
    '/actionWidget': () => need(page).evaluate(`(() => {
        const w = document.querySelector('.action-widget');
        const rows = w ? [...w.querySelectorAll('.monaco-list-row.action')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index)) : [];
        if (!rows.length) return { visible: false, actions: [], focused: '' };
        const title = (r) => r.querySelector('.title')?.textContent ?? '';
        const focused = rows.find((r) => r.classList.contains('focused'));
        return { visible: true, actions: rows.map(title), focused: focused ? title(focused) : '' };
      })()`),
    // An attribute of every element matching a selector in the workbench (not webviews): { id, value }.
    '/attributes': (q) => need(page).evaluate(`[...document.querySelectorAll(${JSON.stringify(q.get('selector') ?? '')})].map((el) => ({ id: el.getAttribute('data-step-id') ?? el.id, value: el.getAttribute(${JSON.stringify(q.get('name') ?? '')}) ?? '' }))`),
    '/keys': async (q) => {
      const p = need(page);
      for (const key of (q.get('press') ?? '').split(',').filter(Boolean)) await p.keyboard.press(key);
      const text = q.get('type');
      if (text) await p.keyboard.type(text, { delay: 5 });
      return {};
    },
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x');
      const route = routes[u.pathname];
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      route(u.searchParams, Buffer.concat(chunks).toString())
        .then((v) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(v)))
        .catch((e: unknown) => res.writeHead(500).end(e instanceof Error ? e.message : String(e)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    results,
    setPage: (p) => (page = p),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function need(page: Page | undefined): Page {
  if (!page) throw new Error('the workbench page is not open');
  return page;
}
