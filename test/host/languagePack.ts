// Japanese display language for the host tests, without the marketplace: a minimal language pack
// (test/fixtures/lang-pack-ja, no translations of VS Code itself) is packaged and installed, and the
// server's language pack cache (languagepacks.json, normally filled while it runs) is written in the
// shape the server builds, so `--locale ja` takes effect at start and extensions load their ja bundles.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER, ROOT } from './workbench';

const PACK_ID = 'amtc-guard-tests.minimal-language-pack-ja';

export function installJapanese(extensionsDir: string, userDataDir: string, env: Record<string, string>): void {
  const work = mkdtempSync(path.join(tmpdir(), 'amtc-langpack-'));
  try {
    cpSync(path.join(ROOT, 'test', 'fixtures', 'lang-pack-ja'), path.join(work, 'pack'), { recursive: true });
    const vsix = path.join(work, 'pack.vsix');
    const pack = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--allow-missing-repository', '-o', vsix], { cwd: path.join(work, 'pack'), stdio: 'ignore' });
    if (pack.status !== 0) throw new Error('packaging the test language pack failed');
    const install = spawnSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], { env, stdio: 'ignore' });
    if (install.status !== 0) throw new Error('installing the test language pack failed');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const dir = readdirSync(extensionsDir).find((d) => d.startsWith(`${PACK_ID}-`));
  if (!dir) throw new Error('the test language pack is not in the extensions folder');
  const version = '0.0.1';
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
    ja: {
      hash: createHash('md5').update(PACK_ID).update(version).digest('hex'),
      extensions: [{ extensionIdentifier: { id: PACK_ID }, version }],
      translations: { vscode: path.join(extensionsDir, dir, 'translations', 'main.i18n.json') },
      label: '日本語',
    },
  }));
}
