// What the Marketplace and Open VSX need from the manifest, and that the .vsix holds only what an
// installed extension uses (`vsce ls`, the same file list `npm run package` packs).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & { icon: string; galleryBanner: { color: string; theme: string } };

void test('gallery fields: repository, bugs, homepage, categories, keywords, banner, an icon of at least 128 px', () => {
  assert.match((manifest.repository as { url: string }).url, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
  assert.match((manifest.bugs as { url: string }).url, /^https:\/\//);
  assert.match(manifest.homepage as string, /^https:\/\//);
  assert.ok((manifest.categories as string[]).length > 0);
  assert.ok((manifest.keywords as string[]).length >= 3 && (manifest.keywords as string[]).length <= 30, 'vsce accepts at most 30 keywords');
  assert.match(manifest.galleryBanner.color, /^#[0-9A-Fa-f]{6}$/);
  assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
  const png = readFileSync(path.join(ROOT, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'the icon is a PNG (the Marketplace refuses SVG)');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(width >= 128 && width === height, `icon is ${width}×${height}`);
});

void test('vsce ls: the .vsix holds only what the installed extension uses', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout.trim().split('\n').sort();
  const allowed = /^(package\.json|package\.nls(\.ja)?\.json|README\.md|LICENSE|CHANGELOG\.md|SECURITY\.md|media\/[\w./-]+|dist\/(extension|commands|awsSdk)\.js|l10n\/bundle\.l10n\.ja\.json|docs\/images\/[\w-]+\.png)$/;
  assert.deepEqual(files.filter((f) => !allowed.test(f)), [], 'nothing else: no sources, tests, maps, tools or the CLI bundles');
  // English needs no bundle (VS Code loads none for its default language); the English one is for translators.
  assert.ok(!files.includes('l10n/bundle.l10n.json'), 'no English bundle');
  for (const needed of ['package.json', 'dist/extension.js', 'dist/commands.js', 'dist/awsSdk.js', 'media/icon.png', 'l10n/bundle.l10n.ja.json', 'package.nls.ja.json']) assert.ok(files.includes(needed), needed);
  // The walkthrough's media (an image, an svg or a markdown file) are in the package.
  const walkthroughs = (manifest.contributes as { walkthroughs: { steps: { media: Record<string, string> }[] }[] }).walkthroughs;
  const media = walkthroughs.flatMap((w) => w.steps).map((s) => s.media.image ?? s.media.svg ?? s.media.markdown);
  assert.ok(media.length > 0);
  for (const m of media) assert.ok(m && files.includes(m), `${m} is in the .vsix`);
});
