// How the host and e2e layers report to scripts/test-all.mjs: out/<layer>-results.json and one
// `<layer>: N passed, N failed` line. A run that broke without a failing test counts one failure.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TestResult } from './probe';
import { ROOT } from './workbench';

export interface LayerRun {
  results: TestResult[];
  /** The run itself failed (a non-zero exit, a timeout) even if no test reported a failure. */
  broken?: boolean;
}

export function runLayer(layer: 'host' | 'e2e', main: () => Promise<LayerRun>): void {
  const finish = ({ results, broken }: LayerRun): never => {
    const passed = results.filter((r) => r.state === 'passed').length;
    let failed = results.length - passed;
    if (broken && failed === 0) failed = 1;
    writeFileSync(path.join(ROOT, 'out', `${layer}-results.json`), JSON.stringify({ passed, failed, results }, null, 2));
    console.log(`${layer}: ${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  };
  main().then(finish, (e: unknown) => {
    console.error(e);
    finish({ results: [], broken: true });
  });
}
