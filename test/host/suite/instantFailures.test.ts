// Issue 18: commands that print their error and exit at once are judged like slow ones. Real
// terminal, real bash with shell integration, the real AWS CLI v2 failing without any network.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AmtcGuardApi } from '../../../src/extension';
import type { JudgedCommand } from '../../../src/vscode/terminalWatcher';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { activeExtension, CREDENTIALS, HOME, resetAwsDir } from './fixtures';
import { probe } from './probeClient';
import { runJudged, shellTerminal } from './terminals';

interface Shape {
  name: string;
  line: string;
  exitCode: number;
  /** What the output shows (when the terminal delivered it); null: the error output was thrown away, so no AWS error shows. */
  output: RegExp | null;
  /** The output holds an AWS service error ("An error occurred (…)"); otherwise the exit code and line decide even when it was read. */
  awsError: boolean;
  /** What the verdict must be, whichever path judged it. */
  amtc: boolean;
  action?: string;
}

const DENIAL = 'An error occurred (InvalidClientTokenId) when calling the CreateUser operation: The security token included in the request is invalid.';

const SHAPES: Shape[] = [
  // `aws` here is a shell function (defined below): builtins only, no process starts, so the error and
  // the end of the command reach VS Code at the same instant. The real CLI's own instant failures follow.
  { name: 'printf + return 254', line: 'aws iam create-user --user-name x', exitCode: 254, output: /An error occurred \(InvalidClientTokenId\) when calling the CreateUser operation/, awsError: true, amtc: true, action: 'iam:CreateUser' },
  // The error output thrown away: the output read has no error in it, so the exit code and line decide.
  { name: 'printf 2>/dev/null', line: 'aws iam delete-user --user-name zzz 2>/dev/null', exitCode: 254, output: null, awsError: false, amtc: true, action: 'iam:DeleteUser' },
  { name: 'no credentials', line: '/usr/bin/aws sts get-caller-identity', exitCode: 253, output: /Unable to locate credentials/, awsError: false, amtc: false },
  { name: 'SSO never signed in', line: '/usr/bin/aws sts get-caller-identity --profile sso-never', exitCode: 255, output: /Error loading SSO Token: Token for corp does not exist/, awsError: false, amtc: false },
  { name: 'missing --profile', line: '/usr/bin/aws sts get-caller-identity --profile x', exitCode: 255, output: /The config profile \(x\) could not be found/, awsError: false, amtc: false },
];

/** Resolves with the next end of an execution in this terminal (any exit code). */
function nextEnd(terminal: vscode.Terminal): Promise<vscode.TerminalShellExecutionEndEvent> {
  return new Promise((resolve) => {
    const sub = vscode.window.onDidEndTerminalShellExecution((e) => {
      if (e.terminal !== terminal) return;
      sub.dispose();
      resolve(e);
    });
  });
}

describe('instant failures in the terminal (issue 18)', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  let api: AmtcGuardApi;
  let terminal: vscode.Terminal;

  before(async function () {
    this.timeout(60_000);
    // The extension sees managed credentials (the judge's context); the terminal's CLI sees files of its own.
    resetAwsDir();
    sim.start();
    api = (await activeExtension()).exports as AmtcGuardApi;
    // Files of their own, so the AWS CLI finds no credentials, an SSO profile without a cached token, and no profile x.
    const dir = path.join(HOME, 'instant-failures');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'credentials'), '', { mode: 0o600 });
    writeFileSync(
      path.join(dir, 'config'),
      '[profile sso-never]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n',
    );
    terminal = await shellTerminal('instant failures', {
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_DEFAULT_REGION: 'us-east-1',
    });
    const defined = nextEnd(terminal);
    terminal.sendText(`aws() { printf '\\n${DENIAL}\\n' >&2; return 254; }`);
    await defined;
  });
  after(async () => {
    sim.stop();
    terminal?.dispose();
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  const run = (line: string): Promise<JudgedCommand> => runJudged(api, terminal, line);

  /** Runs every shape `rounds` times; each command is awaited through its judgement (no timers). */
  async function runAll(rounds: number, prefix: string): Promise<void> {
    const wrong: string[] = [];
    const seen: string[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const shape of SHAPES) {
        const j = await run(prefix + shape.line);
        const text = `${shape.name} #${round + 1}: ${j.path}, exit ${j.exitCode}, ${j.verdict.reason} ${j.verdict.action ?? ''}, ${j.verdict.evidence}, ${JSON.stringify(j.outputTail.slice(-1))}${j.commandLine.endsWith(shape.line) ? "" : ` (line seen: ${JSON.stringify(j.commandLine)})`}`;
        seen.push(text);
        // The output when the terminal delivered it; otherwise (VS Code sent it before the stream
        // existed) the exit code and command line, and the verdict must still be the same.
        const tail = j.outputTail.join('\n');
        const read = (shape.output ? shape.output.test(tail) : !/An error occurred/.test(tail)) && j.verdict.evidence === (shape.awsError ? 'output' : 'exit-code-no-error');
        const evidence = j.path === 'stream' ? read : j.outputTail.length === 0 && j.verdict.evidence === 'exit-code';
        const verdict = j.verdict.amtc === shape.amtc && (shape.action === undefined || (j.verdict.reason === 'unsupported-action' && j.verdict.action === shape.action));
        if (j.exitCode !== shape.exitCode || !evidence || !verdict || !j.commandLine.endsWith(shape.line)) wrong.push(text);
      }
    }
    await probe.log(seen.join('\n'));
    assert.equal(seen.length, rounds * SHAPES.length);
    assert.deepEqual(wrong, [], 'every command is judged, with the verdict it deserves');
    // The real CLI takes far longer to start than VS Code needs to set up the stream.
    assert.ok(seen.filter((t) => !t.startsWith('printf')).every((t) => t.includes(': stream,')), 'the real CLI\'s output is always read');
  }

  it('25 commands of five shapes that fail at once are each judged', async function () {
    this.timeout(240_000);
    await runAll(5, '');
    await probe.screenshot('instant-failures');
  });

  it('the same five shapes after a one-second delay are judged too', async function () {
    this.timeout(120_000);
    await runAll(1, 'sleep 1; ');
  });
});
