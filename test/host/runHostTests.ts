// Runs test/host/suite inside a real VS Code extension host (code-server + headless Chromium) and
// prints every test by name, then `host: N passed, N failed`; results go to out/host-results.json.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startProbe } from './probe';
import { ensureHostTools, ROOT, startWorkbench } from './workbench';

const TIMEOUT_MS = 300_000;

async function main(): Promise<number> {
  ensureHostTools();
  const verbose = process.env.AMTC_HOST_VERBOSE === '1';
  const probe = await startProbe(path.join(ROOT, 'test-results', 'host'), (l) => console.log(l));
  const wb = await startWorkbench({
    extensionPath: ROOT,
    testsPath: path.join(ROOT, 'out', 'test', 'host', 'suite', 'index.js'),
    env: { AMTC_PROBE_URL: probe.url },
    onLog: (l) => verbose && console.log(l),
  });
  console.log(`extension host tests in code-server at 127.0.0.1:${wb.port}`);
  let code: number;
  try {
    const page = await wb.openBrowser();
    probe.setPage(page);
    const timeout = new Promise<number>((r) => setTimeout(() => r(-1), TIMEOUT_MS).unref());
    code = await Promise.race([wb.exitCode, timeout]);
    if (code === -1) console.log(`host tests timed out after ${TIMEOUT_MS / 1000} s`);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'host', 'final.png') }).catch(() => undefined);
  } finally {
    await wb.close();
    await probe.close();
  }
  const passed = probe.results.filter((r) => r.state === 'passed').length;
  let failed = probe.results.length - passed;
  if (code !== 0 && failed === 0) failed = 1; // the run itself broke (no test reported a failure)
  writeFileSync(path.join(ROOT, 'out', 'host-results.json'), JSON.stringify({ passed, failed, results: probe.results }, null, 2));
  console.log(`host: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (c) => process.exit(c),
  (e: unknown) => {
    console.error(e);
    writeFileSync(path.join(ROOT, 'out', 'host-results.json'), JSON.stringify({ passed: 0, failed: 1, results: [] }));
    console.log('host: 0 passed, 1 failed');
    process.exit(1);
  },
);
