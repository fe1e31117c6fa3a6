// Preflight in the real editor: a shell script's `aws iam create-user` line gets a warning while
// AMTC is in use, and the quick fix adds --profile with the fallback profile.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { activeExtension, CONFIG, CREDENTIALS, resetAwsDir } from './fixtures';
import { amtcItem, eventually } from './probeClient';

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

  it('warns on the lines AMTC will deny and fixes them with --profile', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'shellscript', content: '#!/bin/bash\naws iam create-user --user-name deploy\naws s3 ls\n' });
    await vscode.window.showTextDocument(doc);
    const diags = await eventually(() => Promise.resolve(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'AMTC Guard')), (d) => d.length > 0, 'the preflight warning');
    assert.equal(diags.length, 1, 'only the iam:CreateUser line');
    assert.equal(diags[0]!.range.start.line, 1);
    assert.match(diags[0]!.message, /AMTC does not allow iam:CreateUser/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diags[0]!.range);
    const fix = actions.find((a) => a.title === 'Add --profile c9_work');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(doc.lineAt(1).text, 'aws --profile c9_work iam create-user --user-name deploy');
    await eventually(() => Promise.resolve(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'AMTC Guard').length), (n) => n === 0, 'the warning gone after the fix');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
