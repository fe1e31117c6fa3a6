// In a workbench whose display language is Japanese, AMTC Guard speaks Japanese: the status item,
// its tooltip and a notification come from l10n/bundle.l10n.ja.json, as VS Code loads it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { AmtcGuardApi } from '../../../src/extension';
import { Cloud9Simulator } from '../../tools/cloud9Simulator';
import { amtcDenies, startFakeAws } from '../../tools/fakeAws';
import { activeExtension, CREDENTIALS, resetAwsDir, writeC9WorkProfile } from '../suite/fixtures';
import { amtcItem, assertButtonsWhole, eventually, notified, probe } from '../suite/probeClient';
import { runJudged, shellTerminal } from '../suite/terminals';

describe('Japanese display language', () => {
  const sim = new Cloud9Simulator({ file: CREDENTIALS, periodMs: 120_000 });
  before(async () => {
    resetAwsDir();
    // Off Cloud9 (no C9_* here) an empty home shows no item by default; `always` shows the missing state.
    await vscode.workspace.getConfiguration('amtcGuard').update('statusBarItem', 'always', vscode.ConfigurationTarget.Global);
    await activeExtension();
  });
  after(async () => {
    sim.stop();
    await vscode.workspace.getConfiguration('amtcGuard').update('statusBarItem', undefined, vscode.ConfigurationTarget.Global);
  });

  it('the extension host runs in Japanese', () => {
    assert.equal(vscode.env.language, 'ja');
  });

  it('status item and tooltip are Japanese', async () => {
    await eventually(amtcItem, (i) => (i?.text ?? '').includes('AWS: 認証情報なし'), 'the missing state in Japanese');
    sim.start();
    const item = await eventually(amtcItem, (i) => /AMTC 1[45]m/.test(i?.text ?? ''), 'managed');
    assert.match(item!.ariaLabel, /Cloud9 の AWS マネージド一時認証情報 \(AMTC\) を使用中です/);
    const { text } = await probe.hover(item!.id);
    assert.match(text, /プロファイル/);
    assert.match(text, /代替プロファイルを追加/);
    await probe.screenshot('ja-tooltip');
    await probe.keys(['Escape']);
  });

  it('a notification is Japanese', async () => {
    void vscode.commands.executeCommand('amtcGuard.useProfileInTerminals');
    await notified((t) => t.message.includes('default 以外のプロファイルがまだありません'), 'the Japanese notification');
    await probe.screenshot('ja-notification');
  });

  it('a denial toast is Japanese and each of its buttons reads whole', async function () {
    this.timeout(90_000);
    writeC9WorkProfile();
    const fake = await startFakeAws(amtcDenies(['AttachRolePolicy']));
    const terminal = await shellTerminal('ja denial');
    try {
      await vscode.commands.executeCommand('notifications.clearAll');
      const api = (await activeExtension()).exports as AmtcGuardApi;
      const j = await runJudged(api, terminal, `/usr/bin/aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p --endpoint-url ${fake.url}`);
      assert.equal(j.verdict.reason, 'role-name');
      const toasts = await notified((t) => t.message.includes('iam:AttachRolePolicy'), 'the Japanese denial');
      const toast = toasts.find((t) => t.message.includes('iam:AttachRolePolicy'))!;
      assert.match(toast.message, /プロファイル c9_work で実行してください/);
      assert.deepEqual(toast.buttons, ['プロファイルで再実行', '理由', '今後表示しない']);
      await assertButtonsWhole(toast.buttons);
      await probe.screenshot('ja-denial-buttons');
    } finally {
      terminal.dispose();
      await fake.close();
    }
  });
});
