// Preflight: which `aws …` lines of a script AMTC will deny, before they run (shell scripts,
// Makefiles, buildspec.yml). Lines with their own --profile or AWS_PROFILE are left alone.
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

export function preflight(text: string): PreflightFinding[] {
  const findings: PreflightFinding[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (/^\s*#/.test(line) || !line.includes('aws')) continue;
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
