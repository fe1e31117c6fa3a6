// Bundles the extension (two files) and the CLI with esbuild; what each bundle holds: bundles.mjs.
import * as esbuild from 'esbuild';
import { allBundles } from './bundles.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const builds = allBundles(production);

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
