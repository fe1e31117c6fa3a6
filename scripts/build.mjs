// Bundles the extension and the CLI with esbuild. The AWS SDK is a separate file (dist/awsSdk.js)
// that the extension and dist/cli.js load with require() only when a user verifies a profile.
// dist/amtc-guard.cjs is the CLI as one self-contained file (the SDK inside, evaluated only by
// `verify`): what the npm package ships and what a user can copy onto a host. The CLI targets
// Node 18, Amazon Linux 2023's default.
import * as esbuild from 'esbuild';
import * as path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** In the single file, src/cli/sdkLoader.ts (require beside the bundle) becomes sdkLoader.bundled.ts. */
const bundledSdk = {
  name: 'bundled-sdk',
  setup(build) {
    build.onResolve({ filter: /^\.\/sdkLoader$/ }, (args) => (path.dirname(args.importer) === path.resolve('src/cli') ? { path: path.resolve('src/cli/sdkLoader.bundled.ts') } : undefined));
  },
};

const cli = { ...common, target: 'node18', entryPoints: ['src/cli/main.ts'], banner: { js: '#!/usr/bin/env node' } };
const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './awsSdk'] },
  { ...cli, outfile: 'dist/cli.js', external: ['./awsSdk'] },
  { ...cli, outfile: 'dist/amtc-guard.cjs', sourcemap: false, minify: true, plugins: [bundledSdk] },
  { ...common, entryPoints: ['src/awsSdk.ts'], outfile: 'dist/awsSdk.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
