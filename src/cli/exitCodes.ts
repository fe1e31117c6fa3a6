// SPEC §6, in one place: 0 ok (nothing to do is ok too), 1 the check found a problem or the command
// was refused, 2 bad usage or input the CLI cannot read. Every subcommand maps its outcome through here.

export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;

/** Outcomes that mean "the input could not be read as the AWS CLI reads it": exit 2. */
const UNREADABLE_INPUT: ReadonlySet<string> = new Set(['unreadable', 'invalid-utf8', 'not-a-file', 'cli-cannot-parse', 'imds-settings']);

/** The exit code of a failed outcome: 2 for unreadable input, 1 for everything else (a clash, a lock, a refusal, a failed write). */
export function failureExit(problem: string): 1 | 2 {
  return UNREADABLE_INPUT.has(problem) ? EXIT_USAGE : EXIT_PROBLEM;
}
