// The live monitor on real files with the real chokidar watcher: directory created later,
// delete + recreate, rename-over, path change, and expiry reached with no file event at all.
import { strict as assert } from 'node:assert';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CredentialMonitor, MonitorSettings } from '../../src/core/amtc/monitor';
import { CredentialStatus } from '../../src/core/amtc/state';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';

function harness(settings: () => MonitorSettings): { monitor: CredentialMonitor; next: (pred: (s: CredentialStatus) => boolean, what: string) => Promise<CredentialStatus> } {
  let latest: CredentialStatus | undefined;
  const waiters: (() => void)[] = [];
  const monitor = new CredentialMonitor({
    settings,
    onStatus: (s) => {
      latest = s;
      waiters.splice(0).forEach((w) => w());
    },
    onError: (e) => {
      throw e;
    },
  });
  const next = async (pred: (s: CredentialStatus) => boolean, what: string): Promise<CredentialStatus> => {
    const deadline = Date.now() + 10_000;
    while (!latest || !pred(latest)) {
      if (Date.now() > deadline) throw new Error(`no ${what}; last state ${latest?.state}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 200);
      });
    }
    return latest;
  };
  return { monitor, next };
}

void test('follows ~/.aws created later, in-place writes, delete + recreate and rename-over', async () => {
  const home = tempDir();
  const aws = path.join(home, '.aws');
  const credentials = path.join(aws, 'credentials');
  const { monitor, next } = harness(() => ({ paths: { credentialsFile: credentials, configFile: path.join(aws, 'config') }, env: {}, lifetimeMs: 15 * 60_000 }));
  try {
    await monitor.start();
    await next((s) => s.state === 'missing', 'missing at start');
    mkdirSync(aws);
    writeFileSync(credentials, amtcFile(Date.now() + 5 * 60_000));
    await next((s) => s.state === 'managed', 'managed after the directory and file appear');
    writeFileSync(credentials, amtcFile(Date.now() + 5 * 60_000) + '[c9_work]\naws_access_key_id = AKIAEXAMPLE\n');
    await next((s) => s.state === 'modified', 'modified after an in-place edit');
    rmSync(credentials);
    await next((s) => s.state === 'missing', 'missing after delete');
    writeFileSync(credentials, amtcFile(Date.now() + 5 * 60_000));
    await next((s) => s.state === 'managed', 'managed after recreate');
    writeFileSync(`${credentials}.tmp`, '[default]\naws_access_key_id = AKIASTATICKEY0000001\naws_secret_access_key = s\n');
    renameSync(`${credentials}.tmp`, credentials);
    await next((s) => s.state === 'unmanaged', 'unmanaged after rename-over');
    rmSync(aws, { recursive: true });
    await next((s) => s.state === 'missing', 'missing after the directory goes');
    mkdirSync(aws);
    writeFileSync(credentials, amtcFile(Date.now() + 5 * 60_000));
    await next((s) => s.state === 'managed', 'managed after the directory comes back');
    // rm -rf ~/.aws && mkdir ~/.aws in one go, once the watch has settled: chokidar then goes
    // silent on the dead directory, so the monitor must notice and watch the new one.
    await new Promise((r) => setTimeout(r, 300));
    rmSync(aws, { recursive: true });
    mkdirSync(aws);
    await next((s) => s.state === 'missing', 'missing after the directory is replaced');
    writeFileSync(credentials, amtcFile(Date.now() + 5 * 60_000));
    await next((s) => s.state === 'managed', 'managed, seen in the replaced directory');
  } finally {
    await monitor.dispose();
  }
});

void test('re-evaluates at the engine\'s next-change time, without any file event', async () => {
  const dir = tempDir();
  const credentials = path.join(dir, 'credentials');
  writeFileSync(credentials, amtcFile(Date.now() + 5 * 60_000));
  const { monitor, next } = harness(() => ({ paths: { credentialsFile: credentials, configFile: path.join(dir, 'config') }, env: {}, lifetimeMs: 600 }));
  try {
    await monitor.start();
    const managed = await next((s) => s.state === 'managed', 'managed');
    assert.ok(managed.nextChangeAt !== null && managed.nextChangeAt <= managed.amtc!.expiresAt);
    await next((s) => s.state === 'expired', 'expired by the clock alone');
  } finally {
    await monitor.dispose();
  }
});

void test('a path change (setting or env) re-plans the watch onto the new file', async () => {
  const dir = tempDir();
  const a = path.join(dir, 'a', 'credentials');
  const b = path.join(dir, 'b', 'credentials');
  mkdirSync(path.dirname(a));
  writeFileSync(a, amtcFile(Date.now() + 5 * 60_000));
  let current = a;
  const { monitor, next } = harness(() => ({ paths: { credentialsFile: current, configFile: path.join(dir, 'config') }, env: {}, lifetimeMs: 15 * 60_000 }));
  try {
    await monitor.start();
    await next((s) => s.state === 'managed' && s.credentialsFile === a, 'managed on a');
    current = b;
    await monitor.refresh();
    await next((s) => s.state === 'missing' && s.credentialsFile === b, 'missing on b');
    mkdirSync(path.dirname(b));
    writeFileSync(b, amtcFile(Date.now() + 5 * 60_000));
    await next((s) => s.state === 'managed' && s.credentialsFile === b, 'managed on b, seen through the new watch');
  } finally {
    await monitor.dispose();
  }
});
