// Runs test/host/suite inside a real VS Code extension host (code-server + headless Chromium) and
// prints every test by name, then `host: N passed, N failed`; results go to out/host-results.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LayerRun, runLayer } from './layerResults';
import { startProbe, TestResult } from './probe';
import { ensureHostTools, ROOT, startWorkbench } from './workbench';

// A bound for a hung workbench, not a speed check: a loaded 2-core machine needs far more than an idle one.
const TIMEOUT_MS = 600_000;
// What the host tests type in; none of it may end up in a log, output channel or state file.
const SECRETS = ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKIAIOSFODNN7EXAMPLE', 'AKIAEXAMPLEUSER00001', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY'];

// The command line the untrusted-text test types, as the log must hold it: masked.
const MASKED_LINE = 'AWS_SECRET_ACCESS_KEY=… aws iam create-group';

/** Searches every file code-server and the extension wrote (except ~/.aws, where keys belong). */
function scanForSecrets(root: string, awsDir: string, expectMaskedLine: boolean): TestResult {
  const title = 'secrets: no secret or full key id in any log, output channel or state file';
  const hits: string[] = [];
  let files = 0;
  let masked = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (p === awsDir || entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && statSync(p).size < 50 << 20) {
        files++;
        const text = readFileSync(p, 'latin1');
        for (const s of SECRETS) if (text.includes(s)) hits.push(`${path.relative(root, p)}: ${s.slice(0, 4)}…`);
        if (Buffer.from(text, 'latin1').toString('utf8').includes(MASKED_LINE)) masked++;
      }
    }
  };
  walk(root);
  if (files < 5) return { title, state: 'failed', error: `only ${files} files scanned: the scan looked in the wrong place` };
  // The log got the command line with the secrets (so the scan would have seen them), masked.
  if (expectMaskedLine && masked === 0) return { title, state: 'failed', error: `no log holds "${MASKED_LINE}": the command line was not logged where the scan looks` };
  return hits.length ? { title, state: 'failed', error: hits.join('\n') } : { title, state: 'passed' };
}

async function main(): Promise<LayerRun> {
  ensureHostTools();
  const verbose = process.env.AMTC_HOST_VERBOSE === '1';
  const probe = await startProbe(path.join(ROOT, 'test-results', 'host'), (l) => console.log(l));
  const wb = await startWorkbench({
    extensionPath: ROOT,
    testsPath: path.join(ROOT, 'out', 'test', 'host', 'suite', 'index.js'),
    // C9_PID makes the extension ask Cloud9 for its status; the endpoint is a closed loopback port
    // until a test points it at its fake, so no request can ever leave the machine.
    // IMDS likewise: a closed loopback port unless a test points process.env at its own fake.
    env: { AMTC_PROBE_URL: probe.url, C9_PID: 'envhosttest0001', AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9/', ...(process.env.AMTC_HOST_GREP ? { AMTC_HOST_GREP: process.env.AMTC_HOST_GREP } : {}) },
    settings: { 'amtcGuard.cloud9Endpoint': 'http://127.0.0.1:9' },
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
    const typedSecrets = probe.results.some((r) => r.title.startsWith('untrusted text stays text Why?') && r.state === 'passed');
    probe.results.push(scanForSecrets(wb.root, path.join(wb.home, '.aws'), typedSecrets));
    console.log(`  ${probe.results.at(-1)!.state === 'passed' ? '✔' : '✘'} ${probe.results.at(-1)!.title}`);
  } finally {
    await wb.close();
  }
  // The same extension in a Japanese workbench: its own small suite, its own window (skipped for a
  // local AMTC_HOST_GREP subset run).
  if (process.env.AMTC_HOST_GREP) {
    await probe.close();
    return { results: probe.results, broken: code !== 0 };
  }
  const ja = await startWorkbench({
    extensionPath: ROOT,
    testsPath: path.join(ROOT, 'out', 'test', 'host', 'suite-ja', 'index.js'),
    env: { AMTC_PROBE_URL: probe.url, AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9/' },
    japanese: true,
    onLog: (l) => verbose && console.log(l),
  });
  console.log(`Japanese run in code-server at 127.0.0.1:${ja.port}`);
  try {
    probe.setPage(await ja.openBrowser());
    const jaCode = await Promise.race([ja.exitCode, new Promise<number>((r) => setTimeout(() => r(-1), TIMEOUT_MS).unref())]);
    if (jaCode !== 0 && !probe.results.some((r) => r.state === 'failed')) probe.results.push({ title: 'Japanese run', state: 'failed', error: `exit ${jaCode}` });
  } finally {
    await ja.close();
    await probe.close();
  }
  return { results: probe.results, broken: code !== 0 };
}

runLayer('host', main);
