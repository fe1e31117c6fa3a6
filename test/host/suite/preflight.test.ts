// Preflight in the real editor: a shell script's `aws iam create-user` line gets a warning while
// AMTC is in use; the quick fix menu offers AWS_PROFILE, --profile on the line, and Ignore here.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { activeExtension, CONFIG, CREDENTIALS, resetAwsDir } from './fixtures';
import { amtcItem, eventually, probe } from './probeClient';

describe('preflight diagnostics', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  before(async () => {
    resetAwsDir();
    sim.start();
    writeFileSync(CONFIG, '[profile c9_work]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\n', { mode: 0o600 });
    await activeExtension();
    await eventually(amtcItem, (i) => /AMTC \d+m/.test(i?.text ?? ''), 'managed');
  });
  after(() => sim.stop());

  const ours = (doc: vscode.TextDocument): vscode.Diagnostic[] => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'AMTC Guard');
  const warned = (doc: vscode.TextDocument, n: number, what: string): Promise<vscode.Diagnostic[]> => eventually(() => Promise.resolve(ours(doc)), (d) => d.length === n, what);

  it('warns on the lines AMTC will deny; the quick fixes are AWS_PROFILE, --profile on this line, and Ignore here', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'shellscript', content: '#!/bin/bash\naws iam create-user --user-name deploy\naws s3 ls\n' });
    const editor = await vscode.window.showTextDocument(doc);
    const diags = await warned(doc, 1, 'the preflight warning');
    assert.equal(diags[0]!.range.start.line, 1, 'only the iam:CreateUser line');
    assert.match(diags[0]!.message, /AMTC does not allow iam:CreateUser/);
    // The code is words that link to AWS's list of what AMTC allows, not an internal id.
    const code = diags[0]!.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'what AMTC allows');
    assert.match(code.target.toString(true), /^https:\/\/docs\.aws\.amazon\.com\/cloud9\/.*temporary-managed-credentials-supported$/);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const links = await eventually(probe.anchors, (a) => a.some((l) => l.text.includes('what AMTC allows')), 'the code link in the Problems panel');
    assert.ok(!links.some((l) => l.text.includes('unsupported-action')), JSON.stringify(links.filter((l) => l.href.includes('docs.aws'))));
    await probe.screenshot('preflight-problems-code');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.window.showTextDocument(doc);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diags[0]!.range);
    const ourTitles = ['Use AWS_PROFILE in your terminals', 'Add --profile c9_work to this line', 'Ignore here'];
    assert.deepEqual(actions.map((a) => a.title).filter((t) => ourTitles.includes(t)), ourTitles);
    const addProfile = actions.find((a) => a.title === 'Add --profile c9_work to this line')!;
    assert.ok(!addProfile.isPreferred, 'editing a shared script is not the preferred fix');
    await vscode.workspace.applyEdit(addProfile.edit!);
    assert.equal(doc.lineAt(1).text, 'aws --profile c9_work iam create-user --user-name deploy');
    await warned(doc, 0, 'the warning gone after --profile');
    await vscode.commands.executeCommand('undo');
    await warned(doc, 1, 'the warning back after undo');

    // The menu as the user opens it with the keyboard (Ctrl+.) on the line, then Ignore here.
    editor.selection = new vscode.Selection(1, 5, 1, 5);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await probe.keys(['Control+Period']);
    const menu = await eventually(probe.actionWidget, (w) => w.visible && w.actions.includes('Ignore here'), 'the quick fix menu');
    assert.deepEqual(menu.actions.filter((t) => ourTitles.includes(t)), ourTitles, 'the three, in this order');
    assert.equal(menu.actions[0], 'Use AWS_PROFILE in your terminals');
    await probe.screenshot('preflight-quick-fixes');
    for (let i = 0; i < menu.actions.length && (await probe.actionWidget()).focused !== 'Ignore here'; i++) await probe.keys(['ArrowDown']);
    await probe.keys(['Enter']);
    await eventually(() => Promise.resolve(doc.lineAt(1).text), (t) => t.endsWith('# amtc-guard: ignore'), 'the ignore comment');
    assert.equal(doc.lineAt(1).text, 'aws iam create-user --user-name deploy # amtc-guard: ignore');
    await warned(doc, 0, 'the warning gone after Ignore here');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the setting and Use AWS_PROFILE in your terminals clear the warning without an edit; Ignore here on a continued command goes on the line above', async () => {
    const content = '#!/bin/bash\n  aws iam attach-role-policy --role-name hoge_role \\\n    --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'shellscript', content });
    await vscode.window.showTextDocument(doc);
    const diags = await warned(doc, 1, 'the role-name warning');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diags[0]!.range);
    const settings = vscode.workspace.getConfiguration('amtcGuard');
    await settings.update('preflight', false, vscode.ConfigurationTarget.Global);
    try {
      await warned(doc, 0, 'no warning with amtcGuard.preflight off');
    } finally {
      await settings.update('preflight', undefined, vscode.ConfigurationTarget.Global);
    }
    await warned(doc, 1, 'the warning back with the setting on');
    // Use AWS_PROFILE in your terminals: no edit; terminals then use c9_work, so nothing to warn about.
    const useInTerminals = actions.find((a) => a.title === 'Use AWS_PROFILE in your terminals')!;
    assert.ok(useInTerminals.isPreferred && !useInTerminals.edit);
    try {
      // Not awaited: the command ends when its toast (Open terminal, Stop) is answered.
      void vscode.commands.executeCommand(useInTerminals.command!.command, ...((useInTerminals.command!.arguments ?? []) as unknown[]));
      await eventually(amtcItem, (i) => /AWS: c9_work/.test(i?.text ?? ''), 'terminals use c9_work');
      await warned(doc, 0, 'no warning while terminals use c9_work');
    } finally {
      await vscode.commands.executeCommand('amtcGuard.useProfileInTerminals', '');
      await vscode.commands.executeCommand('notifications.clearAll');
    }
    await warned(doc, 1, 'the warning back with the managed credentials');
    assert.equal(doc.getText(), content, 'the script was not edited');
    await vscode.workspace.applyEdit(actions.find((a) => a.title === 'Ignore here')!.edit!);
    assert.equal(doc.getText(), '#!/bin/bash\n  # amtc-guard: ignore\n  aws iam attach-role-policy --role-name hoge_role \\\n    --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess\n');
    await warned(doc, 0, 'the warning gone after Ignore here');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
