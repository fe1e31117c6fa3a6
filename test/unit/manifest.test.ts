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
    configuration: { title: string; properties: Record<string, { scope?: string; markdownDescription?: string; order?: number }> }[];
    menus: { commandPalette: { command: string; when: string }[] };
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

const settings = Object.assign({}, ...manifest.contributes.configuration.map((c) => c.properties)) as Manifest['contributes']['configuration'][number]['properties'];

void test('every setting key in code is contributed with a scope, a markdownDescription and an order', () => {
  const contributed = Object.keys(settings).sort();
  assert.deepEqual(ids.SETTING_KEYS.map((k) => `${ids.SETTINGS_SECTION}.${k}`).sort(), contributed);
  for (const [key, p] of Object.entries(settings)) {
    assert.ok(p.scope, `${key} has a scope`);
    assert.ok(p.markdownDescription, `${key} has a markdownDescription`);
    assert.equal(typeof p.order, 'number', `${key} has an order`);
  }
});

void test('settings for tests and private endpoints are in the advanced group, after the everyday ones', () => {
  const [everyday, advanced] = manifest.contributes.configuration;
  assert.deepEqual(Object.keys(advanced!.properties).sort(), ['amtcGuard.cloud9Endpoint', 'amtcGuard.credentialLifetimeMinutes']);
  assert.equal(Object.keys(everyday!.properties)[0], 'amtcGuard.statusBarItem');
  const lastEveryday = Math.max(...Object.values(everyday!.properties).filter((p) => !('markdownDeprecationMessage' in p)).map((p) => p.order!));
  for (const p of Object.values(advanced!.properties)) assert.ok(p.order! > lastEveryday);
});

void test('every when clause of the command palette uses only context keys the extension sets', () => {
  const palette = manifest.contributes.menus.commandPalette;
  assert.ok(palette.some((m) => m.command === 'amtcGuard.repairCredentialsFile'), 'Repair is hidden when there is nothing to repair');
  for (const m of palette) {
    assert.ok((Object.values(ids.COMMAND) as string[]).includes(m.command), `${m.command} is ours`);
    for (const key of m.when.match(/amtcGuard\.\w+/g) ?? []) assert.ok((ids.CONTEXT_KEYS as readonly string[]).includes(key.slice('amtcGuard.'.length)), `${key} in ${m.when}`);
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
