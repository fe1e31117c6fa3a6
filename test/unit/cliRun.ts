// Runs the built CLI as a real process without blocking this process's event loop, so loopback
// fakes served from the test itself (Cloud9, STS, IMDS) can answer it.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string>, stdin = ''): Promise<CliRun> {
  assert.ok(existsSync(CLI), 'build first (npm run build)');
  return runProcess(process.execPath, [CLI, ...args], { PATH: process.env.PATH ?? '', ...env }, stdin);
}

/** The same, blocking: for tests that serve nothing from this process (no loopback fake must answer the CLI). */
export function runCliSync(args: string[], env: Record<string, string>, stdin?: string): CliRun {
  assert.ok(existsSync(CLI), 'build first (npm run build)');
  const r = spawnSync(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, input: stdin, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Any program (the real AWS CLI), asynchronously, with exactly this environment. */
export function runProcess(cmd: string, args: string[], env: Record<string, string>, stdin = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
