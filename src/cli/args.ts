// A small, strict argument parser: unknown flags, short flags and unexpected words are usage errors
// (exit 2), never ignored. A usage error carries a code; the shell's messages say it in words.

export type UsageProblem =
  | { code: 'unknown-option'; option: string }
  | { code: 'takes-no-value'; option: string }
  | { code: 'needs-value'; option: string }
  | { code: 'unexpected-argument'; arg: string }
  | { code: 'one-of'; option: string; values: readonly string[] }
  | { code: 'needs-options'; options: readonly string[] }
  | { code: 'whole-number'; option: string; value: string }
  | { code: 'url'; option: string; value: string }
  | { code: 'needs-shell' }
  | { code: 'needs-on-off' }
  | { code: 'secret-not-on-stdin' }
  | { code: 'secret-too-long' };

export class UsageError extends Error {
  constructor(readonly problem: UsageProblem) {
    super(problem.code);
  }
}

export interface FlagSpec {
  [flag: string]: 'boolean' | 'string';
}

export interface Parsed {
  flags: Record<string, string | boolean>;
  positional: string[];
}

/** `maxPositional`: how many words that are not flags the command takes (most take none). */
export function parseArgs(argv: readonly string[], spec: FlagSpec, maxPositional = 0): Parsed {
  const flags: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      if (positional.length >= maxPositional) throw new UsageError({ code: 'unexpected-argument', arg });
      positional.push(arg);
      continue;
    }
    // -p, -x: there are no short options (only -h, which main handles), so none is silently taken as a word.
    if (!arg.startsWith('--')) throw new UsageError({ code: 'unknown-option', option: arg });
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (!kind) throw new UsageError({ code: 'unknown-option', option: `--${name}` });
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError({ code: 'takes-no-value', option: `--${name}` });
      flags[name] = true;
    } else {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError({ code: 'needs-value', option: `--${name}` });
      flags[name] = value;
    }
  }
  return { flags, positional };
}

/** An http(s) URL flag (the AWS CLI refuses any other --endpoint-url before it calls anything, exit 252). */
export function urlFlag(flags: Parsed['flags'], name: string): string | undefined {
  const v = flags[name];
  if (typeof v !== 'string') return undefined;
  if (/^https?:\/\/[^\s/]+/.test(v)) {
    try {
      new URL(v);
      return v;
    } catch {
      // falls through to the usage error
    }
  }
  throw new UsageError({ code: 'url', option: `--${name}`, value: v });
}

/** A string flag that must be one of a few words. */
export function oneOf<T extends string>(flags: Parsed['flags'], name: string, values: readonly T[]): T | undefined {
  const v = flags[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new UsageError({ code: 'one-of', option: `--${name}`, values });
  return v as T;
}
