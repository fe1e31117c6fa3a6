// SPEC §6's exit codes for every subcommand, as a user meets them: 0 ok (nothing to do is ok), 1 the
// check found a problem or the command was refused, 2 bad usage or unreadable input. One row per case,
// run as a real process on a real temp home (AWS answered by loopback fakes); each row also says where
// the one sentence goes (stdout or stderr) and what it says, and that no stack trace ever shows.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { COMMANDS } from '../../src/cli/main';
import { FakeAws, FakeCall, FakeAnswer, startFakeAws, TOKEN_INVALID } from '../tools/fakeAws';
import { HomeFiles, writeHome } from '../tools/chainHome';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { CliRun, runCli } from './cliRun';

const MIN = 60_000;
const ENV_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const STACK = /\n\s+at .+:\d+:\d+/;
const fresh = (extra = ''): string => amtcFile(Date.now() + 4 * MIN, { extra });
const MANAGED: HomeFiles = { credentials: fresh(), credentialsAgeMin: 1 };
const C9_WORK = '[profile c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n';
const DENIED = 'An error occurred (InvalidClientTokenId) when calling the CreateUser operation: The security token included in the request is invalid\n';

interface Row {
  args: string[];
  case: string;
  files?: HomeFiles;
  env?: Record<string, string>;
  stdin?: string;
  exit: 0 | 1 | 2;
  /** Where the user reads the answer, and what it says. */
  says: [stream: 'stdout' | 'stderr', text: RegExp];
  /** The output is not words (JSON, a version, a prompt segment, a shell script): the same in Japanese. */
  neutral?: true;
}

let fake: FakeAws;
/** STS accepts every key but the one named REJECTED; Cloud9 refuses UpdateEnvironment to anyone (not the owner). */
function respond(call: FakeCall): FakeAnswer {
  if (call.keyId === 'AKIAREJECTEDKEY00001') return { ok: false, code: 'InvalidClientTokenId', message: TOKEN_INVALID, status: 403 };
  if (call.action === 'UpdateEnvironment') return { ok: false, code: 'AccessDeniedException', message: 'User is not the owner of this environment' };
  return { ok: true };
}
before(async () => {
  fake = await startFakeAws(respond);
});
after(() => fake.close());
const sts = (): string[] => ['--endpoint-url', fake.url];

const ROWS: (() => Row)[] = [
  () => ({ args: [], case: 'no command', exit: 2, says: ['stderr', /^Usage: amtc-guard <command>/] }),
  () => ({ args: ['--help'], case: 'overview', exit: 0, says: ['stdout', /^Usage: amtc-guard <command>/] }),
  () => ({ args: ['--version'], case: 'version', neutral: true, exit: 0, says: ['stdout', /^\d+\.\d+\.\d+$/] }),
  () => ({ args: ['frobnicate'], case: 'unknown command', exit: 2, says: ['stderr', /unknown command "frobnicate"; run amtc-guard --help for the list\.$/] }),

  () => ({ args: ['status'], case: 'managed, works', files: MANAGED, exit: 0, says: ['stdout', /^AMTC managed: /] }),
  () => ({ args: ['status'], case: 'expired', files: { credentials: fresh(), credentialsAgeMin: 16 }, exit: 1, says: ['stdout', /^AMTC expired: /] }),
  () => ({ args: ['status', '--profile', 'ghost'], case: 'unknown profile', files: MANAGED, exit: 1, says: ['stdout', /profile "ghost" is not defined in either file/] }),
  () => ({ args: ['status', '--json', '--profile'], case: 'bad usage with --json: still one JSON object', neutral: true, exit: 2, says: ['stdout', /^\{"ok":false,"problem":"usage","usage":\{"code":"needs-value","option":"--profile"\}\}$/] }),
  () => ({ args: ['status', '--profile'], case: 'flag without its value', exit: 2, says: ['stderr', /--profile needs a value/] }),
  () => ({ args: ['status', '--nope'], case: 'garbage flag', exit: 2, says: ['stderr', /^amtc-guard status: unknown option --nope; run amtc-guard status --help for its usage\.$/] }),
  () => ({ args: ['status', '-p', 'dev'], case: 'a short option', exit: 2, says: ['stderr', /unknown option -p;/] }),
  () => ({ args: ['status', 'dev'], case: 'a word it does not take', exit: 2, says: ['stderr', /unexpected argument "dev";/] }),

  () => ({ args: ['explain'], case: 'no AWS error on stdin', files: MANAGED, stdin: 'ok\n', exit: 0, says: ['stdout', /^No AWS error found/] }),
  () => ({ args: ['explain', '--command', 'aws iam create-user --user-name x', '--exit-code', '254'], case: 'an AMTC denial', files: MANAGED, stdin: DENIED, exit: 1, says: ['stdout', /^AMTC does not allow iam:CreateUser/] }),
  () => ({ args: ['explain', '--command', 'aws iam create-user --user-name x', '--exit-code', '254', '--hint'], case: 'shell hook hint', files: MANAGED, stdin: DENIED, exit: 0, says: ['stdout', /^amtc-guard: AMTC does not allow iam:CreateUser/] }),
  () => ({ args: ['explain', '--exit-code', 'abc'], case: 'exit code not a number', exit: 2, says: ['stderr', /--exit-code needs a whole number, not "abc"/] }),
  () => ({ args: ['explain', '--exit-code='], case: 'exit code empty', exit: 2, says: ['stderr', /--exit-code needs a whole number, not ""/] }),

  () => ({ args: ['add-profile', '--name', 'c9_work', '--access-key-id', 'AKIAEXAMPLEUSER00001', '--secret-stdin'], case: 'added', files: MANAGED, stdin: 's\n', exit: 0, says: ['stdout', /added profile "c9_work" \(AKIA…0001\)/] }),
  () => ({ args: ['add-profile', '--name', 'c9_work', '--access-key-id', 'AKIAEXAMPLEUSER00001', '--secret-stdin'], case: 'name exists', files: { ...MANAGED, config: C9_WORK }, stdin: 's\n', exit: 1, says: ['stderr', /profile "c9_work" already exists; nothing was changed/] }),
  () => ({ args: ['add-profile', '--name', 'bad name', '--access-key-id', 'AKIAEXAMPLEUSER00001', '--secret-stdin'], case: 'bad name', stdin: 's\n', exit: 2, says: ['stderr', /"bad name" is not a usable profile name/] }),
  () => ({ args: ['add-profile', '--name', 'c9_work', '--access-key-id', 'AKIAEXAMPLEUSER00001'], case: 'no secret, stdin not a terminal', exit: 2, says: ['stderr', /give the secret on stdin with --secret-stdin/] }),
  () => ({ args: ['add-profile', '--name', 'c9_work', '--access-key-id', 'AKIAEXAMPLEUSER00001', '--secret-stdin'], case: 'stdin far too long for a secret', stdin: 'x'.repeat(70_000), exit: 2, says: ['stderr', /stdin holds more than 64 KiB/] }),
  () => ({ args: ['add-profile', '--access-key-id', 'AKIAEXAMPLEUSER00001'], case: 'no --name', exit: 2, says: ['stderr', /^amtc-guard add-profile: it needs --name and --access-key-id;/] }),
  () => ({ args: ['add-profile', '--name', 'c9_work', '--access-key-id', 'AKIAEXAMPLEUSER00001', '--secret-stdin'], case: 'config the CLI cannot parse', files: { config: '[profile a]\n[profile a]\n' }, stdin: 's\n', exit: 2, says: ['stderr', /cannot parse/] }),

  () => ({ args: ['verify', '--profile', 'c9_work', ...sts()], case: 'STS accepts the keys', files: { config: C9_WORK }, exit: 0, says: ['stdout', /profile "c9_work" works: arn:aws:/] }),
  () => ({ args: ['verify', '--profile', 'c9_work', ...sts()], case: 'STS rejects the key id', files: { config: C9_WORK.replace('AKIAEXAMPLEUSER00001', 'AKIAREJECTEDKEY00001') }, exit: 1, says: ['stderr', /AWS does not recognise the access key id of "c9_work"/] }),
  () => ({ args: ['verify', '--profile', 'ghost', ...sts()], case: 'unknown profile', files: MANAGED, exit: 1, says: ['stderr', /profile "ghost" has no usable credentials/] }),
  () => ({ args: ['verify', '--profile', 'c9_work', '--endpoint-url', 'not-a-url'], case: 'an endpoint that is no URL', files: { config: C9_WORK }, exit: 2, says: ['stderr', /--endpoint-url needs an http:\/\/ or https:\/\/ URL, not "not-a-url"/] }),
  () => ({ args: ['verify', '--endpoint'], case: 'garbage flag', exit: 2, says: ['stderr', /unknown option --endpoint/] }),

  () => ({ args: ['repair'], case: 'sections moved', files: { credentials: fresh('[c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n'), credentialsAgeMin: 1 }, exit: 0, says: ['stdout', /moved "c9_work" to /] }),
  () => ({ args: ['repair'], case: 'nothing to repair', files: MANAGED, exit: 0, says: ['stdout', /^Nothing to repair: .*credentials is as Cloud9 wrote it\.$/] }),
  () => ({ args: ['repair', '--json'], case: 'nothing to repair, JSON', neutral: true, files: MANAGED, exit: 0, says: ['stdout', /^\{"ok":true,.*"nothingToRepair":true,"reason":"nothing-to-repair"\}$/] }),
  () => ({ args: ['repair'], case: 'not Cloud9\'s file', files: { credentials: '[default]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n' }, exit: 0, says: ['stdout', /^Nothing to repair: .* is not Cloud9's managed file/] }),
  () => ({ args: ['repair'], case: 'no credentials file', exit: 0, says: ['stdout', /^Nothing to repair: there is no .*credentials\.$/] }),
  () => ({ args: ['repair'], case: 'a directory where the credentials file should be', files: { config: '' }, env: { AWS_SHARED_CREDENTIALS_FILE: '~/.aws' }, exit: 2, says: ['stderr', /cannot be read/] }),
  () => ({ args: ['repair'], case: 'a key differs between the files', files: { credentials: fresh('[c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00002\n'), credentialsAgeMin: 1, config: C9_WORK }, exit: 1, says: ['stderr', /c9_work\.aws_access_key_id differ between the two files/] }),
  () => ({ args: ['repair'], case: 'config the CLI cannot parse', files: { credentials: fresh('[x]\nregion = y\n'), config: '[profile a]\n[profile a]\n' }, exit: 2, says: ['stderr', /cannot parse/] }),
  () => ({ args: ['repair', '--prefer', 'nope'], case: 'bad --prefer', exit: 2, says: ['stderr', /--prefer is credentials or config/] }),

  () => ({ args: ['watch', '--once'], case: 'garbage flag', exit: 2, says: ['stderr', /unknown option --once/] }),
  () => ({ args: ['watch', '--help'], case: 'its usage', exit: 0, says: ['stdout', /^Usage: amtc-guard watch/] }),

  () => ({ args: ['init', 'bash'], case: 'the hook', neutral: true, exit: 0, says: ['stdout', /^# amtc-guard shell hook \(bash\)/] }),
  () => ({ args: ['init', 'fish'], case: 'a shell it does not know', exit: 2, says: ['stderr', /^amtc-guard init: it needs a shell: bash or zsh;/] }),
  () => ({ args: ['init', 'bash', '--uninstall'], case: 'nothing to uninstall', exit: 0, says: ['stdout', /has no amtc-guard hook line; nothing changed/] }),

  () => ({ args: ['prompt'], case: 'managed', neutral: true, files: MANAGED, exit: 0, says: ['stdout', /^amtc:1[34]m$/] }),
  () => ({ args: ['prompt', '--json'], case: 'garbage flag', exit: 2, says: ['stderr', /unknown option --json/] }),

  () => ({ args: ['use-instance-role', '--yes'], case: 'no instance role answers', files: { credentials: amtcFile(Date.now() - 100 * MIN), credentialsAgeMin: 120 }, exit: 1, says: ['stderr', /no instance role answers on this host \(disabled\).*nothing was moved\.$/] }),
  () => ({ args: ['use-instance-role', '--undo'], case: 'nothing to undo', files: MANAGED, exit: 0, says: ['stdout', /^Nothing to undo: nothing was moved aside from /] }),
  () => ({ args: ['use-instance-role', '--yes'], case: 'IMDS settings the CLI cannot read', files: MANAGED, env: { AWS_EC2_METADATA_DISABLED: 'false', AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'ipv5' }, exit: 2, says: ['stderr', /instance metadata settings are invalid/] }),

  () => ({ args: ['amtc', 'off', '--yes', ...sts()], case: 'not the owner', files: MANAGED, env: { C9_PID: ENV_ID }, exit: 1, says: ['stderr', /only the environment's owner can turn AMTC off or on; nothing was changed\.$/] }),
  () => ({ args: ['amtc', 'off', ...sts()], case: 'no --yes and no terminal to ask', files: MANAGED, env: { C9_PID: ENV_ID }, exit: 1, says: ['stderr', /nothing was changed \(add --yes/] }),
  () => ({ args: ['amtc', 'off', '--yes'], case: 'no environment id', files: MANAGED, exit: 2, says: ['stderr', /no Cloud9 environment id here/] }),
  () => ({ args: ['amtc', 'off', '--yes', '--endpoint-url', 'ftp://x'], case: 'an endpoint that is not http(s)', files: MANAGED, env: { C9_PID: ENV_ID }, exit: 2, says: ['stderr', /--endpoint-url needs an http:\/\/ or https:\/\/ URL, not "ftp:\/\/x"/] }),
  () => ({ args: ['amtc', 'maybe'], case: 'neither on nor off', exit: 2, says: ['stderr', /^amtc-guard amtc: it needs on or off;/] }),
  () => ({ args: ['amtc', 'off', 'now'], case: 'a word too many', exit: 2, says: ['stderr', /unexpected argument "now"/] }),
];

/** Each row on a fresh home, in the language `lang` names; `check` lists what is wrong with one run. */
async function everyRow(lang: Record<string, string>, check: (row: Row, r: CliRun) => string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const make of ROWS) {
    const row = make();
    const r = await runCli(row.args, { HOME: writeHome(tempDir(), row.files).home, AWS_EC2_METADATA_DISABLED: 'true', ...lang, ...row.env }, row.stdin);
    const what = `${lang.LANG ? `LANG=${lang.LANG} ` : ''}amtc-guard ${row.args.join(' ')} (${row.case}): exit ${r.code}\n${r.stdout}${r.stderr}`;
    const wrong = [...(r.code === row.exit ? [] : [`expected exit ${row.exit}`]), ...check(row, r)];
    failures.push(...wrong.map((w) => `${what}\n  ${w}`));
  }
  return failures;
}

void test(`exit codes and the sentence a user sees, for every subcommand (${ROWS.length} cases)`, async () => {
  const failures = await everyRow({}, (row, r) => {
    const wrong: string[] = [];
    const [stream, text] = row.says;
    if (!text.test(r[stream].trim())) wrong.push(`expected on ${stream}: ${String(text)}`);
    if (STACK.test(r.stdout + r.stderr)) wrong.push('a stack trace');
    if (stream === 'stdout' && row.exit === 0 && r.stderr !== '') wrong.push('nothing on stderr when all is well');
    return wrong;
  });
  assert.deepEqual(failures, []);
});

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Lines that are no sentence: command syntax in the usage (`  repair [--prefer credentials|config] [--json]`), and AWS's own error quoted as it came. */
const NOT_WORDS = [/^\s*(?:[a-z][\w-]*(?: [a-z]+\|[a-z]+)?\s*)?(?:\[[^\]]+\]\s*)*$/, /^ {2}[A-Z]\w+ \(\w+\): /];

void test('the same cases in Japanese: the same exit codes, and every line a user reads is Japanese (no English left over)', async () => {
  const failures = await everyRow({ LANG: 'ja_JP.UTF-8' }, (row, r) => {
    if (row.neutral) return [];
    const english = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim() !== '' && !JAPANESE.test(l) && !NOT_WORDS.some((re) => re.test(l)));
    return english.length ? [`lines without Japanese: ${english.join(' | ')}`] : [];
  });
  assert.deepEqual(failures, []);
});

void test('the table has the cases SPEC §6 names for each subcommand: --help, a garbage flag, and each exit code it can give', () => {
  const rows = ROWS.map((r) => r());
  const exits = (c: string): Set<number> => new Set(rows.filter((r) => r.args[0] === c).map((r) => r.exit));
  for (const c of Object.keys(COMMANDS)) assert.ok(exits(c).has(2), `${c}: a bad-usage row`);
  for (const c of ['status', 'explain', 'add-profile', 'verify', 'repair', 'use-instance-role', 'amtc']) assert.ok(exits(c).has(1), `${c}: a problem row`);
  for (const c of Object.keys(COMMANDS).filter((c) => c !== 'amtc')) assert.ok(exits(c).has(0), `${c}: an ok row`);
});
