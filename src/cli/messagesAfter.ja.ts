// 「AMTC のあと」(SPEC §8) の CLI の日本語メッセージ。型が AfterMessages なので訳し忘れは型チェックで落ちる。
import type { AfterMessages } from './messagesAfter';

export const afterJa: AfterMessages = {
  managedStatus: (s) => {
    const who = s.by === 'collaborator' ? '共同作業者が共有環境を変更したため' : '所有者が';
    switch (s.phase) {
      case 'enabled': return s.by === 'create' ? 'オン (環境の作成時から)' : 'オン (所有者がオンにしました)';
      case 'disabled': return s.by === 'default' ? 'オフ (この環境の既定)' : s.by === 'collaborator' ? `オフ (${who}オフになりました)` : 'オフ (所有者がオフにしました)';
      case 'pending': return s.by === 'collaborator' ? `オフにする途中 (${who})。Cloud9 がマネージド認証情報を削除しています` : 'オフにする途中 (所有者の操作)。Cloud9 がマネージド認証情報を削除しています';
      case 'failed': return `Cloud9 はマネージド認証情報を削除できませんでした (${s.by === 'collaborator' ? '共同作業者による変更' : '所有者の操作'})。もう一度 AMTC をオフにしてください`;
      case 'unknown': return s.value ? `不明 (${s.value})` : '不明';
    }
  },
  amtc: {
    usage: 'amtc には on か off を指定します: amtc-guard amtc on|off [--yes] [--environment-id ID] [--endpoint-url URL]',
    noEnvironment: 'amtc-guard: Cloud9 の環境 ID がわかりません (C9_PID も CLOUD9_ENVIRONMENT_ID も未設定です)。--environment-id ID を指定してください。',
    beforeOff: (file) =>
      `AMTC をオフにします: Cloud9 は ${file} を書かなくなります。ファイルが失効したキーのまま残ると、AWS CLI はインスタンスロールを使いません。そのときは amtc-guard use-instance-role でファイルを (バックアップを取って) 退避できます。`,
    beforeOn: (file) =>
      `AMTC をオンにします: 所有者が Cloud9 IDE を開いている間、Cloud9 は ${file} を再び書き、そのキーがインスタンスロールより優先されます。`,
    confirm: (a, id) => `環境 ${id} の AMTC を${a === 'ENABLE' ? 'オン' : 'オフ'}にしますか?`,
    notConfirmed: 'amtc-guard: 何も変更していません (確認なしで実行するには --yes を付けてください)。',
    progress: (status) => `  Cloud9 の状態: ${status}`,
    done: (a, status, settled, followCode) =>
      `amtc-guard: Cloud9 は AMTC の${a === 'ENABLE' ? 'オン' : 'オフ'}を受け付けました。` +
      (followCode ? `その後の状態は読めませんでした (${followCode})。` : settled ? `現在の状態: ${status}。` : `まだ ${status} です (1 分ほどして amtc-guard status で確認してください)。`),
    afterOff: (file) => `${file} が残っていると、そのキーがインスタンスロールを隠します。amtc-guard use-instance-role を実行してください。`,
    problem: (p, code) => {
      const msg: Record<typeof p, string> = {
        'invalid-environment-id': '環境 ID は 8〜32 文字の英数字です (Cloud9 のターミナルでは C9_PID)',
        'not-owner': 'AMTC をオフ・オンにできるのは環境の所有者だけです',
        'not-found': `Cloud9 はこの環境を知りません (${code})。ID とリージョンを確認してください`,
        'token-rejected': `Cloud9 が認証情報を拒否しました (${code})。失効している可能性があります`,
        'no-credentials': '呼び出しに署名する AWS 認証情報がありません',
        'no-network': `Cloud9 に接続できません (${code})。ネットワークか --endpoint-url を確認してください`,
        other: `Cloud9 が呼び出しを拒否しました (${code})`,
      };
      return `amtc-guard: ${msg[p]}。何も変更していません。`;
    },
  },
};
