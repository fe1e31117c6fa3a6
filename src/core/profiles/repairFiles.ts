// Carries out a repair with the safe writer: the config file first (so nothing is ever only in
// memory), then the managed credentials file, each edit re-planned on what is on disk at that moment.
import type { FilePaths } from '../credentials/resolve';
import { readStable } from '../files/read';
import { safeWrite, WriteFailure } from '../files/safeWrite';
import { Clash, planRepair, Prefer, RepairRefusal } from './repair';

export type RepairOutcome =
  | { ok: true; moved: string[]; unmovable: string[]; backups: string[] }
  | { ok: false; problem: RepairRefusal | 'no-file' | 'clash' | 'unreadable' | WriteFailure; clashes?: Clash[]; file?: string };

export async function repairFiles(paths: FilePaths, home: string, prefer?: Prefer): Promise<RepairOutcome> {
  const [creds, config] = await Promise.all([readStable(paths.credentialsFile), readStable(paths.configFile)]);
  // No file as the CLI sees it (missing, a dangling link, a link loop); a FIFO or a directory is unreadable.
  if (!creds.exists && (creds.error === undefined || creds.error === 'symlink-loop')) return { ok: false, problem: 'no-file' };
  if (creds.text === undefined || (config.exists && config.text === undefined)) return { ok: false, problem: 'unreadable' };
  const plan = planRepair(creds.text, config.text ?? '', prefer);
  if (typeof plan === 'string') return { ok: false, problem: plan };
  if (plan.clashes.length) return { ok: false, problem: 'clash', clashes: plan.clashes };
  const backups: string[] = [];
  const credsNow = creds.text;
  const wroteConfig = await safeWrite({
    file: paths.configFile,
    home,
    edit: (current) => {
      const p = planRepair(credsNow, current ?? '', prefer);
      return typeof p === 'string' || p.clashes.length ? { refuse: undefined } : { write: p.newConfig, result: undefined };
    },
  });
  if (!wroteConfig.ok) return { ok: false, problem: wroteConfig.failure, file: wroteConfig.target };
  if (wroteConfig.backup) backups.push(wroteConfig.backup);
  const configAfter = (await readStable(paths.configFile)).text ?? '';
  const wroteCreds = await safeWrite({
    file: paths.credentialsFile,
    home,
    edit: (current) => {
      // Cloud9 may have overwritten the file meanwhile (a forced update): then there is nothing left to remove.
      const p = current === undefined ? 'nothing-to-repair' : planRepair(current, configAfter, 'config');
      return typeof p === 'string' ? { refuse: undefined } : { write: p.newCredentials, result: undefined };
    },
  });
  if (!wroteCreds.ok && wroteCreds.failure !== 'refused') return { ok: false, problem: wroteCreds.failure, file: wroteCreds.target };
  if (wroteCreds.ok && wroteCreds.backup) backups.push(wroteCreds.backup);
  return { ok: true, moved: plan.moves, unmovable: plan.unmovable, backups };
}
