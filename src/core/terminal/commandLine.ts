// Reads a shell command line the way bash would split it, enough to know which tool ran, with which
// environment prefixes, and for `aws` the service, operation and the options that matter here.

export interface CommandInfo {
  /** Program base name ("aws", "terraform", "cdk"…), after sudo/env/time wrappers. */
  program: string;
  /** NAME=value prefixes and earlier `export NAME=value` in the same line. */
  env: Record<string, string>;
  words: string[];
  /** aws only: the service and operation words, and options. */
  service?: string;
  operationWord?: string;
  profile?: string;
  region?: string;
  roleName?: string;
  debug: boolean;
}

export interface ParsedLine {
  segments: CommandInfo[];
  /** The command to judge: the first `aws`, else the first known AWS tool, else the first. */
  relevant: CommandInfo | undefined;
  /** `--profile X` anywhere on the line. */
  anyProfile: string | undefined;
}

const OPERATORS = ['&&', '||', ';', '|', '&', '\n'];
const WRAPPERS = new Set(['sudo', 'env', 'time', 'exec', 'command', 'nohup', 'nice', 'xargs']);
const AWS_TOOLS = new Set(['aws', 'terraform', 'tofu', 'cdk', 'sam', 'pulumi', 'copilot', 'eb', 'serverless', 'sls']);
const AWS_BOOLEAN = /^--(debug|no-.*|dry-run|cli-auto-prompt|generate-cli-skeleton|paginate)$/;

/** `aws` or another tool that calls AWS with the shell's credentials (a path's base name is enough). */
export function isAwsTool(word: string): boolean {
  return AWS_TOOLS.has(word.split('/').pop()!);
}

/** Shell words and operators, with quotes and backslashes resolved. */
export function shellTokens(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  const push = (): void => {
    if (word !== undefined) out.push(word);
    word = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    } else if (ch === '"') {
      let j = i + 1;
      let buf = '';
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && '"\\$`'.includes(line[j + 1] ?? '')) j++;
        buf += line[j] ?? '';
      }
      word = (word ?? '') + buf;
      i = j;
    } else if (ch === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else if (ch === ' ' || ch === '\t') {
      push();
    } else {
      const op = OPERATORS.find((o) => line.startsWith(o, i));
      if (op) {
        push();
        out.push(op);
        i += op.length - 1;
      } else {
        word = (word ?? '') + ch;
      }
    }
  }
  push();
  return out;
}

export function parseCommandLine(line: string): ParsedLine {
  const tokens = shellTokens(line);
  const segments: CommandInfo[] = [];
  const exported: Record<string, string> = {};
  let current: string[] = [];
  const flush = (): void => {
    if (current.length) {
      const info = segment(current, exported);
      if (info) segments.push(info);
    }
    current = [];
  };
  for (const t of tokens) {
    if (OPERATORS.includes(t)) flush();
    else current.push(t);
  }
  flush();
  const relevant = segments.find((s) => s.program === 'aws') ?? segments.find((s) => AWS_TOOLS.has(s.program)) ?? segments[0];
  const anyProfile = segments.map((s) => optionValue(s.words, '--profile')).find((p) => p !== undefined);
  return { segments, relevant, anyProfile };
}

function segment(words: string[], exported: Record<string, string>): CommandInfo | undefined {
  const env: Record<string, string> = { ...exported };
  let i = 0;
  if (words[0] === 'export') {
    for (const w of words.slice(1)) {
      const eq = w.indexOf('=');
      if (eq > 0) exported[w.slice(0, eq)] = w.slice(eq + 1);
    }
    return undefined;
  }
  for (;;) {
    const w = words[i];
    if (w === undefined) return undefined;
    const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w);
    if (assign) {
      env[assign[1]!] = assign[2]!;
      i++;
    } else if (WRAPPERS.has(w)) {
      i++;
      while (words[i]?.startsWith('-')) i += words[i] === '-u' ? 2 : 1; // sudo -E, env -i, sudo -u user
    } else break;
  }
  const rest = words.slice(i);
  const program = rest[0]!.split('/').pop()!;
  const info: CommandInfo = { program, env, words: rest, debug: false };
  if (program === 'aws') readAwsWords(rest.slice(1), info);
  return info;
}

function readAwsWords(words: string[], info: CommandInfo): void {
  const positional: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('--')) {
      positional.push(w);
      continue;
    }
    const eq = w.indexOf('=');
    const name = eq < 0 ? w : w.slice(0, eq);
    const takesValue = eq < 0 && !AWS_BOOLEAN.test(name) && words[i + 1] !== undefined && !words[i + 1]!.startsWith('--');
    const value = eq >= 0 ? w.slice(eq + 1) : takesValue ? words[++i] : undefined;
    if (name === '--debug') info.debug = true;
    else if (name === '--profile') info.profile = value;
    else if (name === '--region') info.region = value;
    else if (name === '--role-name') info.roleName = value;
  }
  info.service = positional[0];
  info.operationWord = positional[1];
}

function optionValue(words: string[], name: string): string | undefined {
  for (let i = 0; i < words.length; i++) {
    if (words[i] === name) return words[i + 1];
    if (words[i]!.startsWith(`${name}=`)) return words[i]!.slice(name.length + 1);
  }
  return undefined;
}

/** `create-user` → `CreateUser`: the API operation behind an aws CLI command word. */
export function operationName(word: string): string {
  return word.split('-').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

// The aws CLI command name where the IAM action prefix differs from it.
const SERVICE_PREFIX: Readonly<Record<string, string>> = {
  s3api: 's3', s3control: 's3', elbv2: 'elasticloadbalancing', elb: 'elasticloadbalancing',
  configservice: 'config', stepfunctions: 'states', opensearch: 'es', deploy: 'codedeploy',
  emr: 'elasticmapreduce', sesv2: 'ses', 'sso-admin': 'sso', 'iot-data': 'iot',
  'kinesisanalyticsv2': 'kinesisanalytics', 'lex-models': 'lex', 'mediastore-data': 'mediastore',
  'timestream-write': 'timestream', 'timestream-query': 'timestream', 'dynamodbstreams': 'dynamodb',
};

/** The IAM action prefix for a service as the aws CLI names it ("s3api") or a Go SDK prints it ("IAM"). */
export function actionPrefix(service: string): string {
  const s = service.toLowerCase().replace(/\s+/g, '');
  return SERVICE_PREFIX[s] ?? s;
}
