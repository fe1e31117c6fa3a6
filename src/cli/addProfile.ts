// `amtc-guard add-profile`: exit 0 added/replaced, 1 the name exists or the write was refused (nothing
// changed), 2 bad input (a name, key id, secret or value that cannot be used; a file that cannot be read).
import { addProfile, AddProfileProblem, NewProfile, validateProfileFields } from '../core/profiles/addProfile';
import { maskKeyId } from '../core/mask';
import { oneOf, parseArgs, UsageError } from './args';
import { CliContext } from './context';
import { EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, failureExit } from './exitCodes';
import { promptHidden, readAllStdin } from './secretInput';

const BAD_INPUT: readonly AddProfileProblem[] = ['invalid-name', 'invalid-key-id', 'invalid-secret', 'missing-session-token', 'invalid-region', 'invalid-output', 'invalid-value'];

export async function addProfileCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { flags } = parseArgs(argv, {
    name: 'string', 'access-key-id': 'string', region: 'string', output: 'string', target: 'string',
    'secret-stdin': 'boolean', replace: 'boolean', 'yes-modify-managed-file': 'boolean', json: 'boolean',
  });
  const name = flags.name as string | undefined;
  const accessKeyId = flags['access-key-id'] as string | undefined;
  if (!name || !accessKeyId) throw new UsageError({ code: 'needs-options', options: ['--name', '--access-key-id'] });
  const target = oneOf(flags, 'target', ['config', 'credentials'] as const) ?? 'config';
  const m = ctx.messages.addProfile;
  // A bad name or key id is refused before anyone types or pipes a secret.
  const invalid = validateProfileFields({ name, accessKeyId, region: flags.region as string | undefined, output: flags.output as string | undefined });
  if (invalid) {
    if (flags.json) ctx.out(JSON.stringify({ ok: false, problem: invalid, name, accessKeyId: maskKeyId(accessKeyId) }));
    else ctx.err(m.problem(invalid, name, ''));
    return EXIT_USAGE;
  }
  let secret: string;
  let token: string | undefined;
  if (flags['secret-stdin']) {
    // First line: the secret access key; second line (ASIA keys): the session token.
    const lines = (await readAllStdin()).split(/\r?\n/);
    secret = (lines[0] ?? '').trim();
    token = lines[1]?.trim() || undefined;
  } else if (process.stdin.isTTY) {
    const typed = await promptHidden(m.secretPrompt);
    const typedToken = typed !== undefined && accessKeyId.startsWith('ASIA') ? await promptHidden(m.tokenPrompt) : '';
    if (typed === undefined || typedToken === undefined) {
      ctx.err(m.problem('refused', name, ''));
      return EXIT_PROBLEM;
    }
    secret = typed.trim();
    token = typedToken.trim() || undefined;
  } else {
    throw new UsageError({ code: 'secret-not-on-stdin' });
  }
  const profile: NewProfile = { name, accessKeyId, secretAccessKey: secret };
  if (token) profile.sessionToken = token;
  if (flags.region) profile.region = flags.region as string;
  if (flags.output) profile.output = flags.output as string;
  const outcome = await addProfile(profile, {
    target: target,
    replace: !!flags.replace,
    paths: ctx.paths,
    home: ctx.home,
    confirmManagedFile: !!flags['yes-modify-managed-file'],
  });
  if (flags.json) ctx.out(JSON.stringify({ ...outcome, name, accessKeyId: maskKeyId(accessKeyId) }));
  if (outcome.ok) {
    if (!flags.json) ctx.out(m.done(outcome.action, name, maskKeyId(accessKeyId), outcome.file, outcome.backup));
    return EXIT_OK;
  }
  if (!flags.json) ctx.err(m.problem(outcome.problem, name, outcome.file ?? ''));
  return BAD_INPUT.includes(outcome.problem) ? EXIT_USAGE : failureExit(outcome.problem);
}
