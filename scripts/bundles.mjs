// What esbuild builds (scripts/build.mjs runs it; test/unit/bundles.test.ts checks its shape).
// dist/extension.js is what activation loads. dist/commands.js holds the command handlers that
// activation never runs (the wizard, the writers and their lock, the Cloud9 calls); the first of
// those commands require()s it (src/vscode/commands.ts), passing in everything that holds state.
// The AWS SDK is a separate file (dist/awsSdk.js) that the extension and dist/cli.js load with
// require() only when a user verifies a profile. dist/amtc-guard.cjs is the CLI as one
// self-contained file (the SDK inside, evaluated only by `verify`): what the npm package ships and
// what a user can copy onto a host. The CLI targets Node 18, Amazon Linux 2023's default.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  legalComments: 'none',
};

/** In the single file, src/cli/sdkLoader.ts (require beside the bundle) becomes sdkLoader.bundled.ts. */
const bundledSdk = {
  name: 'bundled-sdk',
  setup(build) {
    build.onResolve({ filter: /^\.\/sdkLoader$/ }, (args) => (path.dirname(args.importer) === path.join(ROOT, 'src', 'cli') ? { path: path.join(ROOT, 'src', 'cli', 'sdkLoader.bundled.ts') } : undefined));
  },
};

/** src/vscode/commands.ts require()s './commandHandlers': in the bundle, dist/commands.js beside dist/extension.js. */
const lazyCommands = {
  name: 'lazy-commands',
  setup(build) {
    build.onResolve({ filter: /^\.\/commandHandlers$/ }, (args) => (args.importer === path.join(ROOT, 'src', 'vscode', 'commands.ts') && args.kind === 'require-call' ? { path: './commands.js', external: true } : undefined));
  },
};

/** The extension's two bundles; `vscode` and the SDK stay outside both. */
export function extensionBundles(production) {
  const options = { ...common, sourcemap: !production, minify: production, external: ['vscode', './awsSdk'] };
  return [
    { ...options, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyCommands] },
    { ...options, entryPoints: ['src/vscode/commandHandlers.ts'], outfile: 'dist/commands.js' },
  ];
}

export function allBundles(production) {
  const options = { ...common, sourcemap: !production, minify: production };
  const cli = { ...options, target: 'node18', entryPoints: ['src/cli/main.ts'], banner: { js: '#!/usr/bin/env node' } };
  return [
    ...extensionBundles(production),
    { ...cli, outfile: 'dist/cli.js', external: ['./awsSdk'] },
    { ...cli, outfile: 'dist/amtc-guard.cjs', sourcemap: false, minify: true, plugins: [bundledSdk] },
    { ...options, entryPoints: ['src/awsSdk.ts'], outfile: 'dist/awsSdk.js' },
  ];
}
