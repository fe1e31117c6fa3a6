// Every sentence the CLI prints, in English; messages.ja.ts has the same shape in Japanese (the
// type makes a missing translation a compile error). JSON output stays language-neutral.
import type { CredentialState, Problem } from '../core/amtc/state';
import type { FixCode, Verdict } from '../core/amtc/verdict';
import type { AddProfileProblem } from '../core/profiles/addProfile';
import type { VerifyProblem } from '../core/aws/verify';
import type { RepairOutcome } from '../core/profiles/repairFiles';
import type { Clash } from '../core/profiles/repair';
import type { NothingToRepair } from './repair';
import type { UsageProblem } from './args';
import { DOCS_URL, ROLE_NAME_PREFIX } from '../core/amtc/allowList';
import { afterEn } from './messagesAfter';
import { sourceEn } from './sourceMessages';

export const en = {
  usage: `Usage: amtc-guard <command> [options]

Commands:
  status [--json] [--profile NAME]
                                  Which credentials the AWS CLI uses here (the whole chain: keys, SSO,
                                  roles, instance role), whether they work and until when, and whether
                                  Cloud9's managed temporary credentials (AMTC) are healthy.
  watch                           The status in one line, redrawn on every change, until Ctrl-C (for the Cloud9 IDE terminal).
  explain [--json] [--command LINE] [--exit-code N] [--hint]
                                  Reads a failed command's output on stdin and says whether AMTC caused it
                                  (--hint: one line, only when AMTC is the cause, for the shell hook).
  add-profile --name N --access-key-id K [--region R] [--output O] [--target config|credentials]
              [--secret-stdin] [--replace] [--yes-modify-managed-file] [--json]
                                  Adds a fallback profile without touching the managed file (the secret
                                  from stdin with --secret-stdin, or asked for without echo).
  verify [--profile N] [--region R] [--endpoint-url URL] [--json]
                                  Calls STS GetCallerIdentity with a profile.
  repair [--prefer credentials|config] [--json]
                                  Moves your sections out of a managed credentials file into config.
  init bash|zsh [--print] [--install] [--uninstall]
                                  Shell hook: a one-line hint under AMTC denials (eval "$(amtc-guard init bash)").
  prompt                          A short state for the shell prompt: amtc:11m, amtc:expired, aws:c9_work.
  use-instance-role [--yes] [--undo] [--json]
                                  Moves Cloud9's dead managed file aside (with a backup) so the CLI reaches the instance role.
  amtc on|off [--yes] [--environment-id ID] [--region R] [--endpoint-url URL] [--json]
                                  Turns AWS managed temporary credentials on or off (cloud9:UpdateEnvironment; owner only).

Options: --help, --version. Exit codes: 0 ok, 1 a problem was found, 2 bad usage or unreadable input.`,
  unknownCommand: (c: string) => `amtc-guard: unknown command "${c}"; run amtc-guard --help for the list.`,
  /** A usage error of a subcommand: what was wrong, and where the usage is. */
  usageError: (p: UsageProblem, command: string) => `amtc-guard ${command}: ${en.usageProblem(p)}; run amtc-guard ${command} --help for its usage.`,
  usageProblem: (p: UsageProblem): string => {
    switch (p.code) {
      case 'unknown-option': return `unknown option ${p.option}`;
      case 'takes-no-value': return `${p.option} takes no value`;
      case 'needs-value': return `${p.option} needs a value`;
      case 'unexpected-argument': return `unexpected argument "${p.arg}"`;
      case 'one-of': return `${p.option} is ${p.values.join(' or ')}`;
      case 'needs-options': return `it needs ${p.options.join(' and ')}`;
      case 'whole-number': return `${p.option} needs a whole number, not "${p.value}"`;
      case 'url': return `${p.option} needs an http:// or https:// URL, not "${p.value}"`;
      case 'needs-shell': return 'it needs a shell: bash or zsh';
      case 'needs-on-off': return 'it needs on or off';
      case 'secret-not-on-stdin': return 'give the secret on stdin with --secret-stdin, or run it in a terminal to be asked (never as an argument)';
      case 'secret-too-long': return 'stdin holds more than 64 KiB, which is no secret access key; pipe only the secret (and an ASIA key\'s session token on the next line)';
    }
  },
  internalError: (m: string) => `amtc-guard: unexpected error (${m}); please report it with the command you ran.`,
  nodeTooOld: (command: string, node: string, major: number) =>
    `amtc-guard: ${command} needs Node.js ${major} or newer for the AWS SDK and this is ${node}; the other commands work on it.`,
  state: {
    managed: (m: number) => `AMTC managed: Cloud9's temporary credentials are in use and expire in ${m} min unless Cloud9 refreshes them.`,
    modified: 'AMTC modified: the managed credentials file was edited, so Cloud9 no longer refreshes it.',
    expired: 'AMTC expired: Cloud9 has not refreshed the managed credentials in time; AWS calls with them will fail.',
    overridden: (p: string, from: string) => `AWS profile "${p}" is in use (set by ${from}), not Cloud9's managed credentials.`,
    missing: 'No default AWS credentials: the AWS CLI will fall back to the instance metadata service (instance role), if any.',
    unmanaged: 'Default AWS credentials are your own (not Cloud9-managed).',
  } satisfies Record<CredentialState, unknown>,
  envKeys: 'the AWS_ACCESS_KEY_ID environment variable',
  fields: {
    profile: 'profile',
    key: 'key',
    files: 'files',
    refreshed: 'refreshed',
    nextRefresh: 'next refresh',
    expires: 'expires',
    expired: 'expired',
    problems: (n: number) => `${n} problem${n === 1 ? '' : 's'}`,
    managedNotUsed: "Cloud9's managed credentials ([default], not used by this profile)",
  },
  /** How parts of a line are joined: a list, and clauses of one line. */
  sep: { list: ', ', clause: '; ' },
  problem: (p: Problem): string => {
    const where = p.file ? ` (${p.file} file${p.line !== undefined ? `, line ${p.line + 1}` : ''})` : '';
    switch (p.code) {
      case 'file-modified': return `the managed credentials file is not as Cloud9 wrote it${where}; run amtc-guard repair`;
      case 'refresh-overdue': return 'Cloud9 did not refresh the credentials when it said it would (is the Cloud9 IDE closed?)';
      case 'cli-cannot-parse': return `the AWS CLI cannot parse this file (${p.detail ?? 'error'})${where}; every aws command will fail until it is fixed`;
      case 'profile-not-found': return `profile "${p.detail ?? ''}" is not defined in either file`;
      case 'insecure-permissions': return `the ${p.file ?? ''} file is readable by other users (mode ${p.detail ?? '?'}); run chmod 600 on it`;
      case 'file-unreadable': return `the ${p.file ?? ''} file cannot be read (${p.detail ?? 'error'})`;
      case 'awaiting-refresh': return 'the managed file was saved after Cloud9 last wrote it, which does not renew the credentials; waiting for Cloud9\'s next refresh (keep the Cloud9 IDE open)';
      case 'stale-managed-keys': return `the managed keys are dead but the AWS CLI still uses them, hiding ${p.detail === 'iam-role' ? 'the instance role' : p.detail ?? 'another source'} behind them; run amtc-guard use-instance-role`;
    }
  },
  explain: {
    hint: (v: Verdict, profile: string | undefined, color: boolean): string => {
      const head = color ? '\x1b[1;33mamtc-guard:\x1b[0m' : 'amtc-guard:';
      const fix = profile ? `retry with --profile ${profile}` : 'add a profile with your own keys: amtc-guard add-profile --name c9_work …';
      const why = v.reason === 'role-name' ? `AMTC allows ${v.action ?? 'this'} only on roles named ${ROLE_NAME_PREFIX}…` : v.reason === 'unsupported-action' ? `AMTC does not allow ${v.action ?? 'this action'}` : v.reason === 'expired' ? 'the managed credentials expired (Cloud9 stopped refreshing them)' : 'AMTC rejected the token (IP restriction or invalidated credentials)';
      return `${head} ${why}; ${v.reason === 'expired' ? 'reopen the Cloud9 IDE or run amtc-guard status' : fix}.`;
    },
    reason: (v: Verdict): string => {
      const action = v.action ?? 'this action';
      switch (v.reason) {
        case 'none': return 'No AWS error found in the output (or the command succeeded).';
        case 'not-amtc': return v.because === 'not-a-token-error'
          ? `Not caused by AMTC: ${v.error?.code ?? 'this error'} comes from the permissions of the identity itself.`
          : 'Not caused by AMTC: this command did not use the managed credentials.';
        case 'unsupported-action': return `AMTC does not allow ${action}; run it with a profile that has your own keys.`;
        case 'role-name': return `AMTC allows ${action} only on roles whose names start with "${ROLE_NAME_PREFIX}"${v.roleName ? `, and "${v.roleName}" does not` : ''}; use a profile with your own keys or a ${ROLE_NAME_PREFIX} role.`;
        case 'expired': return 'The managed credentials expired because Cloud9 stopped refreshing them (IDE closed, file modified or AMTC turned off).';
        case 'token-rejected': return 'AMTC rejected the token: the call may come from outside the environment\'s IP address, or the credentials were invalidated (for example by a collaborator).';
        case 'source-fails': return `Not caused by AMTC: the ${v.source?.kind ? sourceEn.kind[v.source.kind] : 'credential source'} the command used fails: ${v.source ? sourceEn.problem(v.source) : ''}.`;
      }
    },
    /** A verdict from the error text alone (no command line): the likely rule first, the rarer causes after it. */
    likely: (sentence: string): string => `Most likely: ${sentence}`,
    lessLikely: (sentence: string): string => `Less likely: ${sentence}`,
    /** stdin is a terminal: say what explain waits for instead of sitting silent. */
    pasteHint: 'Paste the failed command\'s output, then press Ctrl-D on an empty line (or pipe it: aws … 2>&1 | amtc-guard explain).',
    withCommand: 'to be sure, pass the command line: amtc-guard explain --command "aws iam …" < output.txt',
    fix: (f: FixCode, profile: string | undefined): string | undefined => {
      switch (f) {
        case 'run-with-profile': return profile ? `run it again with --profile ${profile}` : undefined;
        case 'add-fallback-profile': return 'add a profile with your own IAM user keys: amtc-guard add-profile --name c9_work --access-key-id AKIA… --secret-stdin';
        case 'why': return `what AMTC allows: ${DOCS_URL}`;
        case 'show-status': return 'check the state: amtc-guard status';
        case 'repair': return 'move your edits out of the managed file: amtc-guard repair';
        case 'reload-ide': return 'reopen (or reload) the Cloud9 IDE so it refreshes the credentials';
        case 'sign-in': return undefined; // the source-fails reason already says which command signs in
        case 'mute-action': return undefined;
      }
    },
  },
  addProfile: {
    secretPrompt: 'Secret access key (not shown): ',
    tokenPrompt: 'Session token (not shown): ',
    done: (action: 'added' | 'replaced', name: string, keyId: string, file: string, backup: string | null) =>
      `amtc-guard: ${action === 'added' ? 'added' : 'replaced the keys of'} profile "${name}" (${keyId}) in ${file}${backup ? `; backup: ${backup}` : ''}.\nUse it with: aws … --profile ${name}   (or AWS_PROFILE=${name})`,
    problem: (p: AddProfileProblem, name: string, file: string): string => {
      const msg: Record<AddProfileProblem, string> = {
        'invalid-name': `"${name}" is not a usable profile name; use letters, digits and _ - . + @ (not "default")`,
        'invalid-key-id': 'the access key id must be AKIA (or ASIA) followed by 16 upper-case letters or digits',
        'invalid-secret': 'the secret access key is empty or contains spaces; paste it exactly as IAM shows it',
        'missing-session-token': 'an ASIA key is temporary and needs its session token on the second line of stdin',
        'invalid-region': 'the region does not look like an AWS region (for example us-east-1)',
        'invalid-output': 'the output format must be json, yaml, yaml-stream, text or table',
        exists: `profile "${name}" already exists; nothing was changed (add --replace to change its keys in place)`,
        'exists-in-credentials': `profile "${name}" has keys in ${file}, which win over the config file; run amtc-guard repair first`,
        'managed-file': `${file} is managed by Cloud9 and editing it stops its refresh; nothing was changed (use the config file, the default)`,
        'cli-cannot-parse': `the AWS CLI cannot parse ${file}; fix that file first (amtc-guard status shows the line)`,
        'invalid-value': 'a value contains a line break or surrounding spaces',
        'outside-home': `${file} is a link to a file outside your home directory; edit the target yourself`,
        'not-a-file': `${file} is not a regular file`,
        unreadable: `${file} cannot be read; check its permissions`,
        'invalid-utf8': `${file} is not valid UTF-8 text; nothing was changed`,
        locked: `another amtc-guard is writing ${file}; try again in a moment`,
        'keeps-changing': `${file} kept changing while we tried to write it; nothing was changed, try again`,
        refused: 'nothing was changed',
        io: `${file} could not be written`,
      };
      return `amtc-guard: ${msg[p]}.`;
    },
  },
  verify: {
    ok: (profile: string, arn: string, account: string, keyId: string, temporary: boolean) =>
      `amtc-guard: profile "${profile}" works: ${arn} (account ${account}, key ${keyId}${temporary ? ', temporary credentials' : ''}).`,
    problem: (profile: string, p: VerifyProblem, code: string): string => {
      const msg: Record<VerifyProblem, string> = {
        'profile-not-found': `profile "${profile}" has no usable credentials in either file`,
        'invalid-key-id': `AWS does not recognise the access key id of "${profile}" (${code}); check it in the IAM console`,
        'wrong-secret': `the secret access key of "${profile}" does not match its key id (${code}); paste the secret again`,
        expired: `the credentials of "${profile}" have expired (${code})`,
        'no-network': `STS could not be reached (${code}); check the network or the endpoint`,
        other: `STS refused the call (${code})`,
      };
      return `amtc-guard: ${msg[p]}.`;
    },
  },
  repair: {
    done: (moved: string[], unmovable: string[], configFile: string, backups: string[]) =>
      `amtc-guard: moved ${moved.map((n) => `"${n}"`).join(', ')} to ${configFile}; the managed credentials file holds only what Cloud9 wrote.` +
      (unmovable.length ? `\nLeft in place (rename them yourself): ${unmovable.join(', ')}.` : '') +
      (backups.length ? `\nBackups: ${backups.join(', ')}` : '') +
      '\nCloud9 resumes refreshing at its next refresh; if it asked whether to update the credentials, reload the Cloud9 IDE (or turn AWS managed temporary credentials off and on in Preferences).',
    /** Nothing to repair is success: one sentence on stdout. */
    nothing: (why: NothingToRepair, file: string): string => {
      switch (why) {
        case 'nothing-to-repair': return `Nothing to repair: ${file} is as Cloud9 wrote it.`;
        case 'not-managed': return `Nothing to repair: ${file} is not Cloud9's managed file (it has no Cloud9 header).`;
        case 'no-file': return `Nothing to repair: there is no ${file}.`;
      }
    },
    problem: (p: Exclude<Extract<RepairOutcome, { ok: false }>['problem'], NothingToRepair>, clashes: Clash[], file: string): string => {
      switch (p) {
        case 'clash': return `amtc-guard: ${clashes.map((c) => `${c.profile}.${c.key}`).join(', ')} differ between the two files; nothing was changed. Choose with --prefer credentials or --prefer config.`;
        case 'cli-cannot-parse': return 'amtc-guard: the AWS CLI cannot parse one of the files; fix it by hand first (amtc-guard status shows the line).';
        case 'unreadable': return 'amtc-guard: the credentials or config file cannot be read; check that they exist and are readable.';
        default: return `amtc-guard: ${file || 'a file'} could not be written (${p}); nothing was lost, try again.`;
      }
    },
  },
  init: {
    print: (rc: string, line: string, script: string) => `# Add this line to ${rc} (or run: amtc-guard init ${rc.endsWith('zshrc') ? 'zsh' : 'bash'} --install):\n${line}\n\n# It defines:\n${script}`,
    installed: (rc: string, backup: string | null) => `amtc-guard: added the hook line to ${rc}${backup ? ` (backup: ${backup})` : ''}; open a new terminal to use it.`,
    uninstalled: (rc: string, removed: boolean) => (removed ? `amtc-guard: removed the hook line from ${rc}.` : `amtc-guard: ${rc} has no amtc-guard hook line; nothing changed.`),
    failed: (rc: string) => `amtc-guard: ${rc} could not be changed; nothing was lost.`,
  },
  after: afterEn,
  ago: (m: number) => (m <= 0 ? 'just now' : `${m} min ago`),
  inMinutes: (m: number) => (m <= 0 ? 'now' : `in ${m} min`),
  /** A time left, from whole minutes: 52 min, 3 h 10 min, 2 d 4 h. */
  duration: (m: number) => (m < 60 ? `${m} min` : m < 1440 ? `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}` : `${Math.floor(m / 1440)} d${Math.floor((m % 1440) / 60) ? ` ${Math.floor((m % 1440) / 60)} h` : ''}`),
  source: sourceEn,
};

export type Messages = typeof en;
