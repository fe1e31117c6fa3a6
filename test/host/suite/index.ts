// The extensionTestsPath module: one mocha run over every *.test.js here, each result reported to
// the runner through the probe (the extension host's console is not forwarded in code-server).
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { probe } from './probeClient';

export function run(): Promise<void> {
  return runSuite(__dirname);
}

/** Runs every *.test.js in `dir` (the Japanese run has its own folder). */
export async function runSuite(dir: string): Promise<void> {
  // AMTC_HOST_GREP (a mocha --grep pattern) runs a subset while working on one area; CI runs all.
  const grep = process.env.AMTC_HOST_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, reporter: 'dot', ...(grep ? { grep } : {}) });
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  const pending: Promise<unknown>[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => pending.push(probe.report({ title: t.fullTitle(), state: 'passed', durationMs: t.duration })));
    runner.on('fail', (t, err: Error) => pending.push(probe.report({ title: t.fullTitle(), state: 'failed', error: err.stack ?? err.message })));
  });
  await Promise.all(pending);
  if (failures > 0) throw new Error(`${failures} host tests failed`);
}
