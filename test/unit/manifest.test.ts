// One source of truth: the id table in src/vscode/ids.ts and package.json must agree both ways.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers';

interface Manifest {
  activationEvents: string[];
  engines: { vscode: string };
  extensionKind: string[];
  main: string;
  bin: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string }> };
  };
}

const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
// Manifest strings are %keys% resolved through package.nls.json, as VS Code does.
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8').replace(/"%([\w.]+)%"/g, (_m, k: string) => JSON.stringify(nls[k] ?? `%${k}%`))) as Manifest;
// ids.ts imports nothing, so it loads in plain Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ids = require(path.join(ROOT, 'out', 'src', 'vscode', 'ids.js')) as typeof import('../../src/vscode/ids');

void test('every command id in code is contributed, and every contributed command is in code', () => {
  const code = Object.values(ids.COMMAND).sort();
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(code, contributed);
  for (const c of manifest.contributes.commands) {
    assert.equal(c.category, 'AMTC Guard', c.command);
    assert.match(c.command, /^amtcGuard\.[a-z][A-Za-z]+$/);
  }
  assert.ok(manifest.contributes.commands.some((c) => c.command === 'amtcGuard.addFallbackProfile' && c.title === 'Add fallback profile'));
});

void test('every setting key in code is contributed with a scope and a markdownDescription', () => {
  const contributed = Object.keys(manifest.contributes.configuration.properties).sort();
  assert.deepEqual(ids.SETTING_KEYS.map((k) => `${ids.SETTINGS_SECTION}.${k}`).sort(), contributed);
  for (const [key, p] of Object.entries(manifest.contributes.configuration.properties)) {
    assert.ok(p.scope, `${key} has a scope`);
    assert.ok(p.markdownDescription, `${key} has a markdownDescription`);
  }
});

void test('manifest basics: activation, engines, workspace kind, bundles', () => {
  assert.deepEqual(manifest.activationEvents, ['onStartupFinished']);
  assert.equal(manifest.engines.vscode, '^1.93.0');
  assert.deepEqual(manifest.extensionKind, ['workspace']);
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.bin['amtc-guard'], './dist/cli.js');
});

void test('src/core never imports vscode (the lint rule, checked on the files too)', () => {
  const r = spawnSync('grep', ['-rlE', "from 'vscode'|require\\('vscode'\\)", path.join(ROOT, 'src', 'core')], { encoding: 'utf8' });
  assert.equal(r.status, 1, `grep found: ${r.stdout}`);
  const control = spawnSync('grep', ['-rlE', "from 'vscode'", path.join(ROOT, 'src', 'vscode')], { encoding: 'utf8' });
  assert.equal(control.status, 0, 'the same grep finds the import where it is allowed');
});
