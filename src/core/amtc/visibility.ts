// When the status item has something to say (issue 13, item 8): on a Cloud9 host, or wherever a
// problem needs attention; elsewhere it stays out of the way. Pure: the environment and what exists
// in the home folder come in as arguments.
import * as path from 'node:path';
import type { Env } from '../credentials/resolve';
import type { CredentialStatus } from './state';
import { sourceAttention } from '../credentials/attention';

export type ItemVisibility = 'auto' | 'always' | 'never';

/** The signs of a Cloud9 host that the status item looks for. */
export type Cloud9Sign = 'managed-header' | 'c9-env' | 'c9-dir';

/** `C9_*` variables (C9_PID, C9_USER, C9_HOSTNAME, …) that the Cloud9 IDE sets for its processes. */
export function hasC9Env(env: Env): boolean {
  return Object.keys(env).some((k) => k.startsWith('C9_') && !!env[k]);
}

/** Where Cloud9 keeps its own files for the IDE (`~/.c9`). */
export function c9Dir(home: string): string {
  return path.join(home, '.c9');
}

export function cloud9Signs(s: CredentialStatus | undefined, env: Env, c9DirExists: boolean): Cloud9Sign[] {
  const signs: Cloud9Sign[] = [];
  if (s?.amtc) signs.push('managed-header');
  if (hasC9Env(env)) signs.push('c9-env');
  if (c9DirExists) signs.push('c9-dir');
  return signs;
}

/**
 * `auto`: where there is a sign of Cloud9, or a problem worth attention: any problem code, or a
 * source that fails or ends within ten minutes (an empty machine with no credentials stays quiet).
 */
export function itemVisible(mode: ItemVisibility, s: CredentialStatus, signs: readonly Cloud9Sign[], now: number): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  return signs.length > 0 || s.problems.length > 0 || (s.source.kind !== null && sourceAttention(s.source, now) !== null);
}
