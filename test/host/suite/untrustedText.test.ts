// SPEC §9 in the real workbench: a command in a real terminal prints a crafted AWS-shaped error (a
// Markdown command link, HTML, an OSC 8 hyperlink, a backtick run) and exits non-zero. The
// explanation, a notification and a tooltip show that text literally, with no link for it, and the
// command it names never runs. Secrets typed on the command line appear nowhere in the DOM or the
// log. And the explanation's own action links do run.
import { strict as assert } from 'node:assert';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AmtcGuardApi } from '../../../src/extension';
import type { JudgedCommand } from '../../../src/vscode/terminalWatcher';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { FakeAws, startFakeAws } from '../../tools/fakeAws';
import { activeExtension, CONFIG, CREDENTIALS, HOME, resetAwsDir } from './fixtures';
import { amtcItem, eventually, notified, probe } from './probeClient';
import { shellTerminal } from './terminals';

// What the crafted link would do if it ever ran: type a command that creates this file.
const MARKER = path.join(HOME, 'amtc-pwned-marker');
const evilLink = (label: string): string =>
  `[${label}](command:workbench.action.terminal.sendSequence?${encodeURIComponent(JSON.stringify({ text: `touch ${MARKER}\n` }))})`;
// In bash single quotes, for printf %b: \033 is ESC, \\ a backslash.
const CRAFT = `${evilLink('x')} <b>bold</b><img src=x> \\033]8;;https://evil.example/\\033\\\\osc8link\\033]8;;\\033\\\\ \`\`\`tick\`\`\``;
// The secrets typed on the command line (runHostTests.ts scans every written file for them, too).
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SECRET2 = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
// Only the explanation shows the command line masked (the terminal shows what was typed).
const SHOWN_LINE = 'AWS_SECRET_ACCESS_KEY=… aws iam create-group';

describe('untrusted text stays text', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  let api: AmtcGuardApi;
  let terminal: vscode.Terminal;
  let cloud9: FakeAws;
  const judged: JudgedCommand[] = [];
  const judgedWith = (part: string): Promise<JudgedCommand | undefined> =>
    eventually(() => Promise.resolve(judged.find((j) => j.commandLine.includes(part))), (j) => !!j, `a judged command with ${part}`, 30_000);

  before(async () => {
    resetAwsDir();
    sim.start();
    writeFileSync(CONFIG, '[profile c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\nregion = us-east-1\n', { mode: 0o600 });
    // The terminal's own history stores would keep the typed secrets; this test is about ours.
    const terminalConfig = vscode.workspace.getConfiguration('terminal.integrated');
    await terminalConfig.update('shellIntegration.history', 0, vscode.ConfigurationTarget.Global);
    await terminalConfig.update('enablePersistentSessions', false, vscode.ConfigurationTarget.Global);
    api = (await activeExtension()).exports as AmtcGuardApi;
    api.onDidJudge((j) => judged.push(j));
    await vscode.commands.executeCommand('notifications.clearAll');
    terminal = await shellTerminal('crafted', { HISTFILE: '/dev/null' });
    // `aws` here is a shell function that prints the crafted error for the operation in $OP. Like the
    // real CLI it takes a moment before it answers (output and exit in the same instant can reach the
    // extension host before its output stream is set up; see terminalWatcher.ts).
    // Wait until the shell ran the definition, so the next command's output is read from its start.
    const defined = new Promise<void>((resolve) => {
      const sub = vscode.window.onDidEndTerminalShellExecution((e) => {
        if (e.terminal === terminal) {
          sub.dispose();
          resolve();
        }
      });
    });
    terminal.sendText(`CRAFT='${CRAFT}'; aws() { sleep 0.5; printf '%b\\n' "An error occurred (InvalidClientTokenId) when calling the \${OP:-CreateGroup} operation: $CRAFT" >&2; return 254; }`);
    await defined;
  });
  after(async () => {
    sim.stop();
    terminal.dispose();
    await cloud9?.close();
  });

  it('Why? shows the crafted error literally: no link, no markup, no escape sequence, and nothing runs', async () => {
    terminal.sendText(`AWS_SECRET_ACCESS_KEY=${SECRET} aws iam create-group --group-name demo || aws configure set aws_secret_access_key ${SECRET2}`);
    const j = await judgedWith('create-group');
    assert.equal(j!.verdict.reason, 'unsupported-action', JSON.stringify(judged.map((x) => [x.commandLine, x.verdict])));
    await notified((t) => t.message.includes('iam:CreateGroup') && t.buttons.includes('Why?'), 'the denial notification');
    await probe.click('Why?');
    const { text } = await eventually(() => probe.frameText(SHOWN_LINE), (r) => r.found, 'the explanation with the crafted error', 15_000);
    assert.ok(text.includes(evilLink('x')), `the Markdown link is shown as text: ${text}`);
    assert.ok(text.includes('<b>bold</b><img src=x>'), 'the HTML is shown as text');
    assert.ok(text.includes('```tick```'), 'the backticks are shown as text');
    assert.ok(!text.includes('evil.example'), 'the OSC 8 target is dropped with the escape sequence; its text stays');
    const anchors = await probe.anchors();
    assert.deepEqual(anchors.filter((a) => /sendSequence|evil\.example/.test(a.href) || a.text === 'x' || a.text === 'osc8link'), []);
    assert.ok(anchors.some((a) => a.text === 'Run with c9_work'), `the explanation has its own action links: ${JSON.stringify(anchors.filter((a) => a.href.startsWith('command:')))}`);
    assert.deepEqual((await probe.domContains('<b>bold</b>')).where, [], 'no element was made from the crafted HTML');
    await probe.screenshot('untrusted-explanation');
    // The command line is shown with its secrets masked; no secret is anywhere in the DOM.
    assert.ok(text.includes('AWS_SECRET_ACCESS_KEY=… aws iam create-group'), text);
    assert.ok(text.includes('aws configure set aws_secret_access_key …'), text);
    for (const s of [SECRET, SECRET2]) assert.deepEqual((await probe.domContains(s)).where, [], `${s.slice(0, 4)}… in the DOM`);
    assert.equal(existsSync(MARKER), false, 'the crafted command never ran');
  });

  it('an action link in the explanation runs: Run with c9_work sends the command to its terminal', async () => {
    // Under the pointer the button keeps its own colours (the webview's default a:hover colour made
    // the label blue on blue).
    const hovered = await probe.frameHoverColours(SHOWN_LINE, 'Run with c9_work');
    assert.ok(hovered.rest?.color && hovered.hover?.color, `computed colours: ${JSON.stringify(hovered)}`);
    assert.equal(hovered.hover.color, hovered.rest.color, 'the label keeps the button foreground under the pointer');
    assert.notEqual(hovered.hover.color, hovered.hover.background);
    const { clicked } = await probe.frameClick(SHOWN_LINE, 'Run with c9_work');
    assert.ok(clicked, 'the explanation with the link was found');
    const j = await judgedWith('--profile c9_work');
    assert.ok(j!.commandLine.startsWith(`AWS_SECRET_ACCESS_KEY=${SECRET} aws --profile c9_work iam create-group`), j!.commandLine);
    assert.equal(j!.terminal, terminal, 'sent to the terminal the command ran in');
    assert.equal(j!.verdict.reason, 'not-amtc', 'with --profile the denial is not blamed on AMTC');
  });

  it('a notification shows a crafted role name as text, with no link', async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    terminal.sendText(`OP=AttachRolePolicy aws iam attach-role-policy --role-name '${evilLink('z')}<i>it</i>' --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess`);
    const j = await judgedWith('attach-role-policy');
    assert.equal(j!.verdict.reason, 'role-name', JSON.stringify(judged.map((x) => [x.commandLine, x.verdict])));
    const toasts = await notified((t) => t.message.includes('AttachRolePolicy'), 'the role-name notification');
    const toast = toasts.find((t) => t.message.includes('AttachRolePolicy'))!;
    assert.ok(toast.message.replace(/\u200b/g, '').includes(`${evilLink('z')}<i>it</i>`), `the role name is shown as it was typed: ${toast.message}`);
    assert.deepEqual((await probe.anchors()).filter((a) => /sendSequence/.test(a.href) || a.text === 'z'), []);
    await probe.screenshot('untrusted-notification');
    assert.equal(existsSync(MARKER), false, 'the crafted command never ran');
  });

  it('a tooltip shows a crafted Cloud9 reply as text, with no link and no icon', async () => {
    const crafted = `${evilLink('y')} <b>bold</b> $(gear) \`code\``;
    cloud9 = await startFakeAws(() => ({ ok: true, body: JSON.stringify({ environments: [{ managedCredentialsStatus: crafted }] }) }));
    await eventually(amtcItem, (i) => /AMTC \d+m/.test(i?.text ?? ''), 'managed');
    await vscode.workspace.getConfiguration('amtcGuard').update('cloud9Endpoint', cloud9.url, vscode.ConfigurationTarget.Global);
    const hover = await eventually(async () => (await probe.hover((await amtcItem())!.id)).text, (t) => t.includes('(command:'), 'the Cloud9 reply in the tooltip', 20_000);
    assert.ok(hover.includes(crafted), `shown literally: ${hover}`);
    assert.deepEqual((await probe.anchors()).filter((a) => /sendSequence/.test(a.href) || a.text === 'y'), []);
    assert.deepEqual((await probe.domContains('<b>bold</b>')).where, []);
    await probe.screenshot('untrusted-tooltip');
    await probe.keys(['Escape']);
    await vscode.workspace.getConfiguration('amtcGuard').update('cloud9Endpoint', undefined, vscode.ConfigurationTarget.Global);
    assert.equal(existsSync(MARKER), false, 'the crafted command never ran');
  });
});
