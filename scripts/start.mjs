// `npm start`: packages the .vsix, installs it into code-server (a real VS Code) listening on
// 127.0.0.1 only, with a demo home where a Cloud9 simulator refreshes ~/.aws/credentials every
// minute. Prints the URL; Ctrl-C stops everything it started and removes the demo home.
// `npm start -- --smoke` opens the workbench headlessly, saves test-results/start.png and exits.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build, ensureHostTools, ensureNpmPackages, ROOT } from './bootstrap.mjs';

const smoke = process.argv.includes('--smoke');
ensureNpmPackages();
ensureHostTools();
build();
const pkg = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: smoke ? 'ignore' : 'inherit' });
if (pkg.status !== 0) throw new Error('npm run package failed');

const require = createRequire(import.meta.url);
const { startWorkbench, CODE_SERVER } = require(path.join(ROOT, 'out', 'test', 'host', 'workbench.js'));
const { createDemoHome, DEMO_KEY_ID, DEMO_SECRET } = require(path.join(ROOT, 'out', 'test', 'tools', 'demoHome.js'));

const demo = mkdtempSync(path.join(tmpdir(), 'amtc-demo-'));
const home = path.join(demo, 'home');
const extensionsDir = path.join(demo, 'extensions');
mkdirSync(path.join(home, '.aws'), { recursive: true, mode: 0o700 });
mkdirSync(extensionsDir);
const install = spawnSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--install-extension', path.join(ROOT, 'dist', 'amtc-guard.vsix')], {
  env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: path.join(demo, 'xdg'), XDG_DATA_HOME: path.join(demo, 'xdg'), EXTENSIONS_GALLERY: '{}' },
  stdio: smoke ? 'ignore' : 'inherit',
});
if (install.status !== 0) throw new Error('installing the .vsix into code-server failed');

const demoHome = await createDemoHome(home, 60_000);
const port = Number(process.env.PORT) || undefined;
// Verify (STS) goes to the same fake as the terminal's `aws`: every step printed below works offline.
const wb = await startWorkbench({ extensionsDir, env: { HOME: home }, port, workspace: home, settings: demoHome.settings });

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await demoHome.close();
  await wb.close();
  rmSync(demo, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

if (smoke) {
  const page = await wb.openBrowser();
  const item = page.locator('[id$="amtcGuard.status"]');
  await item.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => /AMTC \d+m/.test(document.querySelector('[id$="amtcGuard.status"]')?.textContent ?? ''), null, { timeout: 30_000 });
  mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'start.png') });
  console.log(`smoke: the packaged extension shows "${(await item.innerText()).trim()}"`);
  await stop(0);
} else {
  console.log(`
AMTC Guard is running in VS Code (code-server) at:

  ${wb.url.split('?')[0]}

Demo home: ${home}
A Cloud9 simulator refreshes ${demoHome.credentials} every minute, and \`aws\` in the
integrated terminal reaches a fake AWS on ${demoHome.fake.url} (no real account is used).
Try, in a terminal (Terminal > New Terminal):
1. aws iam create-user --user-name demo
   AMTC denies it: the notification says why, with "Add fallback profile", "Why?" and "Don't show again".
2. "Add fallback profile": Enter for the name c9_work, key id ${DEMO_KEY_ID},
   secret ${DEMO_SECRET}, Enter for the rest; then "Run again" (the fake accepts c9_work's key).
3. aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p
   Denied (only roles named Cloud9-): "Run with profile" runs it with c9_work; "Why?" explains.
4. Click the status item > "Verify profile" > c9_work (STS is the same fake): the tooltip then says "c9_work verified … ago".
5. aws configure --profile x   (any key id and secret): the item turns "AMTC modified"; "Repair" on its
   notification moves [x] to the config file, and the item is healthy again at Cloud9's next refresh.
Only 127.0.0.1 is bound. Press Ctrl-C to stop everything.`);
}
