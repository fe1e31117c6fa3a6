// The extension's two bundles, from esbuild's own metafile (scripts/bundles.mjs, built here in
// memory): activation's bundle holds none of the command handlers that load later, and the two
// never both hold a module with state of its own, so there is one of each stateful thing.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';
import * as esbuild from 'esbuild';
import { ROOT } from './helpers';

interface Bundle {
  /** Source files (relative to the root) that put at least one byte into the bundle. */
  modules: Set<string>;
  text: string;
}

let main: Bundle;
let lazy: Bundle;

async function build(options: BuildOptions): Promise<Bundle> {
  const r = await esbuild.build({ ...options, write: false, metafile: true, sourcemap: false });
  const [outfile, output] = Object.entries(r.metafile.outputs).find(([f]) => f.endsWith('.js'))!;
  const text = r.outputFiles.find((f) => f.path.endsWith(outfile))!.text;
  return { modules: new Set(Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f)), text };
}

before(async () => {
  const url = pathToFileURL(path.join(ROOT, 'scripts', 'bundles.mjs')).href;
  const { extensionBundles } = (await import(url)) as { extensionBundles: (production: boolean) => BuildOptions[] };
  const [extension, commands] = extensionBundles(true);
  assert.equal(extension?.outfile, 'dist/extension.js');
  assert.equal(commands?.outfile, 'dist/commands.js');
  [main, lazy] = await Promise.all([build(extension), build(commands)]);
});

/** What only the commands need: the wizard, the file writers and their lock, the Cloud9 update, the handlers. */
const LAZY_ONLY = [
  'src/vscode/commandHandlers.ts',
  'src/vscode/addProfileWizard.ts',
  'src/vscode/multiStepInput.ts',
  'src/vscode/actionsMenu.ts',
  'src/vscode/repairCommand.ts',
  'src/vscode/useInstanceRoleCommand.ts',
  'src/vscode/amtcToggleCommand.ts',
  'src/vscode/verifyCommand.ts',
  'src/vscode/explainCommand.ts',
  'src/vscode/sourceCommands.ts',
  'src/core/files/safeWrite.ts',
  'src/core/files/lock.ts',
  'src/core/files/moveAside.ts',
  'src/core/profiles/addProfile.ts',
  'src/core/profiles/repair.ts',
  'src/core/ini/edit.ts',
  'src/core/aws/cloud9Update.ts',
];

/** Built once in extension.ts and passed to the handlers in `deps`: the second bundle never holds them. */
const ACTIVATION_ONLY = [
  'src/extension.ts',
  'src/vscode/log.ts',
  'src/vscode/credentialService.ts',
  'src/core/amtc/monitor.ts',
  'src/core/files/watch.ts',
  'src/vscode/statusBar.ts',
  'src/vscode/terminalWatcher.ts',
  'src/vscode/terminalEnvironments.ts',
  'src/vscode/explanationView.ts',
  'src/vscode/denialNotifier.ts',
  'src/vscode/managedFileGuard.ts',
  'src/vscode/cloud9ApiStatus.ts',
  'src/vscode/statusReport.ts',
];

void test('dist/extension.js holds none of the command handlers, and loads dist/commands.js by require()', () => {
  for (const m of LAZY_ONLY) {
    assert.ok(lazy.modules.has(m), `${m} is in dist/commands.js`);
    assert.ok(!main.modules.has(m), `${m} must not be in dist/extension.js: it loads with the first command`);
  }
  assert.match(main.text, /require\("\.\/commands\.js"\)/);
  assert.doesNotMatch(main.text, /Import the \.csv file the IAM console downloads/, "the wizard's words are not in the main bundle");
  assert.match(lazy.text, /Import the \.csv file the IAM console downloads/);
});

void test('dist/commands.js holds none of what activation builds: one log channel, one monitor, one watcher', () => {
  for (const m of ACTIVATION_ONLY) {
    assert.ok(main.modules.has(m), `${m} is in dist/extension.js`);
    assert.ok(!lazy.modules.has(m), `${m} must not be in dist/commands.js: pass its instance in CommandDeps`);
  }
  assert.doesNotMatch(lazy.text, /createOutputChannel/, 'the second bundle makes no log channel of its own');
});

/**
 * Module-level state in a source file: a `let`/`var` at the top, a mutable Map/WeakMap/empty Set
 * there, or a class some module tests with `instanceof` (two copies make two classes).
 */
function stateIn(file: string, instanceofClasses: Set<string>): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const found = [...text.matchAll(/^(?:export )?(?:let|var) \w+|^(?:export )?const \w+(?:: [^=]+)? = new (?:WeakMap|Map|Set\(\))/gm)].map((m) => m[0]);
  for (const m of text.matchAll(/^export (?:abstract )?class (\w+)/gm)) if (instanceofClasses.has(m[1]!)) found.push(`class ${m[1]} (used with instanceof)`);
  return found;
}

/** Shared state the check accepts, with why two copies cannot disagree. */
const ACCEPTED: Record<string, string> = {
  // A parse memo keyed by the read object; each bundle parses only reads it made itself (deps carry statuses, never reads).
  'src/core/amtc/state.ts': 'const parsedReads = new WeakMap',
};

void test('a module in both bundles holds no state of its own (so there is one lock, one log, one cache)', () => {
  const sources = [...main.modules, ...lazy.modules].filter((m) => m.startsWith('src/'));
  const instanceofClasses = new Set(sources.flatMap((f) => [...readFileSync(path.join(ROOT, f), 'utf8').matchAll(/instanceof ([A-Z]\w+)/g)].map((m) => m[1]!)));
  instanceofClasses.delete('Error');
  const shared = [...main.modules].filter((m) => lazy.modules.has(m) && m.startsWith('src/'));
  assert.ok(shared.includes('src/core/ini/document.ts'), 'the parser is in both (stateless, so that is only size)');
  const stateful = shared.flatMap((m) => stateIn(m, instanceofClasses).filter((s) => !ACCEPTED[m] || !s.startsWith(ACCEPTED[m])).map((s) => `${m}: ${s}`));
  assert.deepEqual(stateful, []);
  // The check sees state where there is some (were these shared, it would fail).
  assert.deepEqual(stateIn('src/vscode/multiStepInput.ts', instanceofClasses), ['class Cancelled (used with instanceof)']);
  assert.ok(stateIn('src/core/amtc/state.ts', instanceofClasses).some((s) => s.startsWith(ACCEPTED['src/core/amtc/state.ts']!)));
});
