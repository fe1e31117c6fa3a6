// What every subcommand reads from its environment, resolved exactly as the AWS CLI would.
import { homedir } from 'node:os';
import { Env, FilePaths, homeDir, resolvePaths } from '../core/credentials/resolve';
import { terminalText } from '../core/text/plainText';
import { en, Messages } from './messages';
import { ja } from './messages.ja';

export interface CliContext {
  env: Env;
  home: string;
  paths: FilePaths;
  lifetimeMs: number;
  messages: Messages;
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => number;
}

export function cliContext(env: Env = process.env): CliContext {
  const home = homeDir(env, homedir());
  const minutes = Number(env.AMTC_GUARD_LIFETIME_MINUTES);
  return {
    env,
    home,
    paths: resolvePaths(env, home),
    lifetimeMs: (Number.isFinite(minutes) && minutes > 0 ? minutes : 15) * 60_000,
    messages: messagesFor(env),
    // Every line the CLI prints may hold untrusted text (error messages, file contents, replies).
    out: (t) => process.stdout.write(terminalText(t) + '\n'),
    err: (t) => process.stderr.write(terminalText(t) + '\n'),
    now: Date.now,
  };
}

/** POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG; Japanese when it starts with "ja". */
export function messagesFor(env: Env): Messages {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('ja') ? ja : en;
}
