// Bundles the extension and the CLI with esbuild. The AWS SDK is a separate file (dist/awsSdk.js)
// that the extension loads with require() only when a user verifies a profile.
import * as esbuild from 'esbuild';

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

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './awsSdk'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', external: ['./awsSdk'], banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/awsSdk.ts'], outfile: 'dist/awsSdk.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
