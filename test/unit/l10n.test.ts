// Every string the user can see exists in Japanese: runtime strings (vscode.l10n.t, exported from
// the code by @vscode/l10n-dev), manifest strings (package.nls), and the CLI (type-checked; here run).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { amtcFile } from './amtcFixtures';
import { ROOT, tempDir } from './helpers';
import { writeHome } from '../tools/chainHome';

const json = (p: string): Record<string, string> => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8')) as Record<string, string>;
const placeholders = (s: string): string[] => (s.match(/\{\d+\}/g) ?? []).sort();

void test('every vscode.l10n.t string in the code has a Japanese entry with the same placeholders', () => {
  const out = tempDir();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js'), 'export', '--outDir', out, path.join(ROOT, 'src', 'vscode'), path.join(ROOT, 'src', 'extension.ts')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const fromCode = JSON.parse(readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(fromCode, json('l10n/bundle.l10n.json'), 'l10n/bundle.l10n.json is up to date (npm run l10n)');
  const ja = json('l10n/bundle.l10n.ja.json');
  const keys = Object.keys(fromCode);
  assert.ok(keys.length > 150);
  assert.deepEqual(keys.filter((k) => !(k in ja)), [], 'strings without a Japanese entry');
  for (const k of keys) {
    assert.deepEqual(placeholders(ja[k]!), placeholders(k), `placeholders of "${k}"`);
    if (/[a-z]{4}/.test(k.replace(/\{\d+\}|AMTC|Guard|AWS|Cloud9|chmod|STS|IAM|CLI|json|yaml|text|table|ASIA|AKIA|AWS_\w+|~\/\.aws\/\w+|aws|profile|NAME|terminal\.[\w.]+|InvalidClientTokenId|UnrecognizedClientException|AccessDenied|GetCallerIdentity|iam:PassRole|boto3|SDK|An error occurred.*|Access key ID|Secret access key|\.csv|us-east-1|ap-northeast-1|default|IDE|IP|CreateUser|operation/g, ''))) {
      assert.match(ja[k]!, /[\u3040-\u30ff\u4e00-\u9fff]/, `"${k}" is translated into Japanese`);
    }
  }
});

void test('every manifest string (package.nls.json) has a Japanese entry; package.json uses only known keys', () => {
  const en = json('package.nls.json');
  const ja = json('package.nls.ja.json');
  assert.deepEqual(Object.keys(en).filter((k) => !(k in ja)), []);
  const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const used = [...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]!);
  assert.ok(used.length >= 15);
  assert.deepEqual(used.filter((k) => !(k in en)), [], 'package.json names a key package.nls.json lacks');
});

void test('the CLI speaks Japanese when LC_ALL / LC_MESSAGES / LANG starts with ja; JSON stays the same', () => {
  const { home } = writeHome(tempDir(), { credentials: amtcFile(Date.now() + 300_000) });
  const run = (env: Record<string, string>, args = ['status']) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { env: { PATH: '', HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...env }, encoding: 'utf8' }).stdout;
  assert.match(run({ LANG: 'ja_JP.UTF-8' }), /^AMTC 有効: Cloud9 の一時認証情報を使用中です。/);
  assert.match(run({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' }), /^AMTC 有効/);
  assert.match(run({ LANG: 'ja_JP.UTF-8', LC_ALL: 'C' }), /^AMTC managed/, 'LC_ALL wins');
  assert.equal(run({ LANG: 'ja_JP.UTF-8' }, ['status', '--json']).replace(/"(refreshedAt|expiresAt)":"[^"]+"/g, ''), run({}, ['status', '--json']).replace(/"(refreshedAt|expiresAt)":"[^"]+"/g, ''));
  assert.match(spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'bogus'], { env: { LANG: 'ja_JP.UTF-8' }, encoding: 'utf8' }).stderr, /"bogus" というコマンドはありません/);
});

void test('no message starts with the product name as a prefix (the notification already shows its source)', () => {
  const prefixed = (bundle: Record<string, string>): string[] => Object.values(bundle).filter((s) => /^AMTC Guard\s*[:：]/.test(s));
  assert.deepEqual(prefixed(json('l10n/bundle.l10n.json')), []);
  assert.deepEqual(prefixed(json('l10n/bundle.l10n.ja.json')), []);
  assert.deepEqual(prefixed({ example: 'AMTC Guard: something' }), ['AMTC Guard: something'], 'the check can fail');
});
