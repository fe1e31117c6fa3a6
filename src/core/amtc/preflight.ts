// Preflight: which `aws …` lines of a script AMTC will deny, before they run (shell scripts,
// Makefiles, buildspec.yml). Lines with their own --profile or AWS_PROFILE are left alone, and so
// are lines the author marked with IGNORE_COMMENT (at the end of the line, or alone on the line above).
import { actionPrefix, operationName, parseCommandLine } from '../terminal/commandLine';
import { amtcAllows } from './allowList';

export interface PreflightFinding {
  /** 0-based line and the columns of the `aws` word (where a quick fix inserts --profile). */
  line: number;
  awsStart: number;
  awsEnd: number;
  /** End column of the command on that line, for the squiggle. */
  end: number;
  action: string;
  reason: 'unsupported-action' | 'role-name';
  roleName: string | null;
}

const AWS_WORD = /(^|[\s;&|(`"'])aws(?=\s)/;

/** The comment that silences preflight for one command. */
export const IGNORE_COMMENT = '# amtc-guard: ignore';
const IGNORE_AT_END = /(^|\s)#\s*amtc-guard:\s*ignore\s*$/;
const IGNORE_LINE = /^\s*#\s*amtc-guard:\s*ignore\s*$/;

/** Whether line i is marked to be left alone (the marker ends it, or is alone on the line before). */
function ignored(lines: string[], i: number): boolean {
  return IGNORE_AT_END.test(lines[i]!) || (i > 0 && IGNORE_LINE.test(lines[i - 1]!));
}

/**
 * Where the ignore comment goes for a finding on `line`: at its end, or, when the command goes on
 * over a backslash (a comment there would end it), on a line of its own above, indented alike.
 */
export function ignoreEdit(line: string): { atEnd: boolean; text: string } {
  if (/\\\s*$/.test(line)) return { atEnd: false, text: `${/^\s*/.exec(line)![0]}${IGNORE_COMMENT}\n` };
  return { atEnd: true, text: `${/\s$/.test(line) ? '' : ' '}${IGNORE_COMMENT}` };
}

export function preflight(text: string): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (/^\s*#/.test(line) || !line.includes('aws') || ignored(lines, i)) continue;
    // Join backslash continuations so the whole command is read, but report on its first line.
    let joined = line;
    for (let j = i; /\\\s*$/.test(lines[j] ?? '') && j + 1 < lines.length; j++) joined = joined.replace(/\\\s*$/, ' ') + lines[j + 1];
    const m = AWS_WORD.exec(line);
    if (!m) continue;
    const awsStart = m.index + m[1]!.length;
    // YAML list items and quoting around the command (buildspec.yml: `- aws iam …`).
    const command = joined.slice(awsStart).replace(/["']\s*$/, '');
    const parsed = parseCommandLine(command);
    const cmd = parsed.relevant;
    if (!cmd || cmd.program !== 'aws' || !cmd.service || !cmd.operationWord) continue;
    const envProfile = cmd.env.AWS_PROFILE ?? cmd.env.AWS_DEFAULT_PROFILE ?? /AWS_PROFILE=(\S+)/.exec(line.slice(0, awsStart))?.[1];
    if ((parsed.anyProfile ?? envProfile ?? 'default') !== 'default') continue;
    const service = actionPrefix(cmd.service);
    const operation = operationName(cmd.operationWord);
    const decision = amtcAllows(service, operation, cmd.roleName);
    if (decision === 'allowed') continue;
    line = line.replace(/\s*\\\s*$/, '');
    findings.push({ line: i, awsStart, awsEnd: awsStart + 3, end: line.length, action: `${service}:${operation}`, reason: decision, roleName: cmd.roleName ?? null });
  }
  return findings;
}
