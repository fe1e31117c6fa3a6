// Starts a real VS Code (code-server 4.100.3 on 127.0.0.1) and opens its workbench in headless
// Debian Chromium, loading an extension under development (and optionally a test module) through
// the workbench URL's payload. Shared by the host tests, the e2e tests, the bench and `npm start`.
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { installJapanese } from './languagePack';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CODE_SERVER = path.join(ROOT, 'tools', 'host', 'node_modules', '.bin', 'code-server');

export function ensureHostTools(): void {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'ensure-host-tools.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('installing the host test tools failed (see above)');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface WorkbenchOptions {
  /** Folder the extension is loaded from (extensionDevelopmentPath), if any. */
  extensionPath?: string;
  /** Extensions folder with installed extensions (npm start installs the .vsix there). */
  extensionsDir?: string;
  /** Compiled mocha entry (extensionTestsPath). */
  testsPath?: string;
  /** Environment for code-server and so the extension host and its terminals. */
  env?: Record<string, string>;
  /** User settings.json content. */
  settings?: Record<string, unknown>;
  workspace?: string;
  port?: number;
  onLog?: (line: string) => void;
  headless?: boolean;
  /** Run the workbench in Japanese (test language pack + `--locale ja`). */
  japanese?: boolean;
}

export interface Workbench {
  url: string;
  port: number;
  page: Page | undefined;
  root: string;
  home: string;
  /** Resolves with the test run's exit code (only with testsPath). */
  exitCode: Promise<number>;
  /** The user settings.json the workbench watches (rewrite it to change settings like a user). */
  settingsFile: string;
  openBrowser(): Promise<Page>;
  close(): Promise<void>;
}

export async function startWorkbench(opts: WorkbenchOptions): Promise<Workbench> {
  const root = mkdtempSync(path.join(tmpdir(), 'amtc-host-'));
  const dirs = Object.fromEntries(['home', 'user-data', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'workspace'].map((d) => [d, path.join(root, d)]));
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const home = opts.env?.HOME ?? dirs.home!;
  const workspace = opts.workspace ?? dirs.workspace!;
  mkdirSync(path.join(dirs['user-data']!, 'User'), { recursive: true });
  writeFileSync(path.join(dirs['user-data']!, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'terminal.integrated.shellIntegration.enabled': true,
    'terminal.integrated.defaultProfile.linux': 'bash',
    // The DOM renderer, so tests can read what the terminal shows.
    'terminal.integrated.gpuAcceleration': 'off',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    ...opts.settings,
  }, null, 2));
  // In a remote window (code-server is one) machine-scoped settings, such as the endpoints and file
  // paths, are read only from the remote machine's settings: the same values go there too.
  if (opts.settings) {
    mkdirSync(path.join(dirs['user-data']!, 'Machine'), { recursive: true });
    writeFileSync(path.join(dirs['user-data']!, 'Machine', 'settings.json'), JSON.stringify(opts.settings, null, 2));
  }
  if (opts.japanese) installJapanese(opts.extensionsDir ?? dirs.extensions!, dirs['user-data']!, { PATH: process.env.PATH ?? '', HOME: home, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: dirs['xdg-config']!, XDG_DATA_HOME: dirs['xdg-data']! });
  const port = opts.port ?? (await freePort());
  const configFile = path.join(root, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LANG: process.env.LANG ?? 'C.UTF-8',
    HOME: home,
    SHELL: '/bin/bash',
    // Terminal shells write their history as they exit, after the workbench closed: not into this home.
    HISTFILE: '/dev/null',
    // Never the real instance metadata service: the extension and every terminal (the real AWS CLI)
    // ask a closed loopback port unless a test points them at its IMDS fake.
    AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9/',
    XDG_CONFIG_HOME: dirs['xdg-config']!,
    XDG_DATA_HOME: dirs['xdg-data']!,
    XDG_CACHE_HOME: dirs['xdg-cache']!,
    TMPDIR: dirs.tmp!,
    EXTENSIONS_GALLERY: '{}',
    ...opts.env,
  };
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', dirs['user-data']!,
    '--extensions-dir', opts.extensionsDir ?? dirs.extensions!, '--config', configFile,
    ...(opts.japanese ? ['--locale', 'ja'] : []), workspace,
  ];
  const server = spawn(CODE_SERVER, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForListening(server, opts.onLog);

  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload: [string, string][] = [['skipWelcome', 'true']];
  if (opts.extensionPath) payload.push(['extensionDevelopmentPath', remote(opts.extensionPath)]);
  if (opts.testsPath) payload.push(['extensionTestsPath', remote(opts.testsPath)]);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  let browser: Browser | undefined;
  let resolveExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((r) => (resolveExit = r));
  server.once('exit', (code) => resolveExit(code ?? 1));
  const wb: Workbench = {
    url,
    port,
    settingsFile: path.join(dirs['user-data']!, 'User', 'settings.json'),
    page: undefined,
    root,
    home,
    exitCode,
    async openBrowser() {
      browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: opts.headless ?? true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => opts.onLog?.(`[workbench ${type}] ${args.map(String).join(' ')}`));
      await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
      await page.goto(url);
      wb.page = page;
      return page;
    },
    async close() {
      await browser?.close().catch(() => undefined);
      stopProcessGroup(server);
      // The server's children (terminal shells) may still be writing as they exit: rmSync retries
      // ENOTEMPTY/EBUSY, and a leftover temp folder is reported, never a failed test run.
      try {
        rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (e) {
        opts.onLog?.(`could not remove ${root}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
  return wb;
}

function waitForListening(server: ChildProcess, onLog?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('code-server did not start within 60 s')), 60_000);
    const onData = (b: Buffer): void => {
      const text = b.toString();
      for (const line of text.split('\n')) if (line.trim()) onLog?.(`[code-server] ${line}`);
      if (text.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${code}`));
    });
  });
}

export function stopProcessGroup(p: ChildProcess): void {
  if (p.pid === undefined || p.exitCode !== null) return;
  try {
    process.kill(-p.pid, 'SIGTERM');
  } catch {
    p.kill('SIGTERM');
  }
}
