// What a command line typed in a shell does to the variables that pick AWS credentials: `unset`,
// `export NAME=value`, a plain `NAME=value` for a variable already exported, and (for one command
// only) `NAME=value cmd` prefixes. A shape this module does not understand (an expansion, `source`,
// `eval`, a conditional or piped assignment, a subshell) makes the variable "unknown" instead of a guess.
import { isAwsTool, shellTokens } from './commandLine';

export const CREDENTIAL_VARS = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;
export type CredentialVar = (typeof CREDENTIAL_VARS)[number];

/** A variable as the shell's child processes see it: exported with a value, absent, or not known. */
export type VarValue = { kind: 'set'; value: string } | { kind: 'unset' } | { kind: 'unknown' };
export type ShellCredentialEnv = Readonly<Record<CredentialVar, VarValue>>;

export interface LineEffect {
  /** The environment the line's AWS command started with (before its own NAME=value prefixes). */
  atCommand: ShellCredentialEnv;
  /** The environment the shell has after the line. */
  after: ShellCredentialEnv;
}

const SEPARATORS = new Set([';', '\n', '&&', '||', '|', '&']);
/** Builtins and words after which any variable may have changed. */
const OPAQUE = new Set(['source', '.', 'eval', 'read', 'declare', 'typeset', 'local', 'readonly', 'set', 'mapfile', 'readarray', 'printf', 'let']);
const UNKNOWN: VarValue = { kind: 'unknown' };

/** An environment from plain values (undefined: not set). */
export function shellEnvFrom(values: Readonly<Record<string, string | undefined>>): ShellCredentialEnv {
  const env = {} as Record<CredentialVar, VarValue>;
  for (const name of CREDENTIAL_VARS) {
    const v = values[name];
    env[name] = v === undefined ? { kind: 'unset' } : { kind: 'set', value: v };
  }
  return env;
}

/** The variables whose value is not known. */
export function unknownVars(env: ShellCredentialEnv): CredentialVar[] {
  return CREDENTIAL_VARS.filter((n) => env[n].kind === 'unknown');
}

/** Plain values, an unknown variable counted as not set (callers say it is uncertain: see unknownVars). */
export function knownValues(env: ShellCredentialEnv): Record<CredentialVar, string | undefined> {
  const out = {} as Record<CredentialVar, string | undefined>;
  for (const n of CREDENTIAL_VARS) {
    const v = env[n];
    out[n] = v.kind === 'set' ? v.value : undefined;
  }
  return out;
}

const isCredentialVar = (name: string): name is CredentialVar => (CREDENTIAL_VARS as readonly string[]).includes(name);
const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
const EXPANDS = /[$`]/;
/** Words that start a compound command or subshell, whose assignments this module does not follow. */
const COMPOUND = /^([({]|\}|\)|if|then|else|elif|fi|do|done|for|while|until|case|esac|function)$|^[({]/;

/**
 * Runs the line's assignments over `before`. `exitCode` is the whole line's: with it 0, every part
 * of a `&&` chain ran; a change behind `||`, or behind `&&` in a line that failed, may not have run.
 */
export function applyCommandLine(before: ShellCredentialEnv, line: string, exitCode: number | undefined): LineEffect {
  const tokens = shellTokens(line);
  const env: Record<CredentialVar, VarValue> = { ...before };
  let atCommand: ShellCredentialEnv | undefined;
  let words: string[] = [];
  let prev: string | undefined; // the operator before the current segment
  const everyRan = exitCode === 0 && !tokens.includes('||');
  const flush = (next: string | undefined): void => {
    if (words.length === 0) return;
    const uncertain = (prev !== undefined && prev !== ';' && prev !== '\n' && !(prev === '&&' && everyRan)) || next === '|' || next === '&';
    if (!atCommand && words.some((w) => !ASSIGN.test(w) && isAwsTool(w))) atCommand = { ...env };
    segment(words, env, uncertain, line);
    words = [];
  };
  for (const t of tokens) {
    if (SEPARATORS.has(t)) {
      flush(t);
      prev = t;
    } else words.push(t);
  }
  flush(undefined);
  // A variable named where no rule above understood it (a subshell, a function, a here-string…).
  for (const name of CREDENTIAL_VARS) if (mentionedOpaquely(line, name, tokens)) env[name] = UNKNOWN;
  return { atCommand: atCommand ?? { ...before }, after: env };
}

function segment(words: string[], env: Record<CredentialVar, VarValue>, uncertain: boolean, line: string): void {
  const set = (name: string, value: VarValue): void => {
    if (isCredentialVar(name)) env[name] = uncertain ? UNKNOWN : value;
  };
  const valueOf = (raw: string): VarValue => (EXPANDS.test(raw) ? UNKNOWN : { kind: 'set', value: raw });
  const head = words[0]!;
  if (OPAQUE.has(head)) {
    for (const name of CREDENTIAL_VARS) set(name, UNKNOWN);
    return;
  }
  if (COMPOUND.test(head)) {
    for (const name of CREDENTIAL_VARS) if (line.includes(name)) set(name, UNKNOWN);
    return;
  }
  if (head === 'export') {
    const args = words.slice(1);
    if (args.some((a) => a.startsWith('-'))) {
      for (const a of args) set(ASSIGN.exec(a)?.[1] ?? a, UNKNOWN);
      return;
    }
    for (const a of args) {
      const m = ASSIGN.exec(a);
      if (m) set(m[1]!, valueOf(m[2]!));
      // `export NAME` exports a shell variable whose value this module may not know.
      else if (isCredentialVar(a) && env[a].kind !== 'set') set(a, UNKNOWN);
    }
    return;
  }
  if (head === 'unset') {
    const args = words.slice(1);
    if (args.includes('-f')) return;
    for (const a of args) if (!a.startsWith('-')) set(a, { kind: 'unset' });
    return;
  }
  // Assignments alone change a variable that is already exported; one that is not stays out of the environment.
  if (words.every((w) => ASSIGN.test(w))) {
    for (const w of words) {
      const m = ASSIGN.exec(w)!;
      const name = m[1]!;
      if (!isCredentialVar(name)) continue;
      if (env[name].kind === 'set') set(name, valueOf(m[2]!));
      else if (env[name].kind === 'unknown') set(name, UNKNOWN);
    }
  }
  // NAME=value before a command applies to that command only (the verdict reads it from the line).
}

/** The name appears in a word no rule here reads: `-uNAME`, `(export NAME=…)`, `NAME+=…`. */
function mentionedOpaquely(line: string, name: string, tokens: readonly string[]): boolean {
  if (!line.includes(name)) return false;
  const read = new RegExp(`\\$\\{?${name}\\b`);
  return !tokens.every((t) => !t.includes(name) || t === name || t.startsWith(`${name}=`) || read.test(t));
}
