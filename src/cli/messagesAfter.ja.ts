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
  useRole: {
    plan: (file, role, keyId, minutes, keysLive, behind) =>
      `このホストではインスタンスロール ${role} が応答しています (${keyId}${minutes === null ? '' : `、残り ${minutes} 分`})。${file} には Cloud9 のマネージドキーがあり、AWS CLI はそちらを先に使います。` +
      (keysLive ? '\nAMTC はまだオンです。オフにしない限り (amtc-guard amtc off)、Cloud9 が数分以内にファイルを書き直します。' : '') +
      (behind ? `\n設定ファイルの [default] に ${behind} があり、AWS CLI はインスタンスロールより先にそれを使います。` : ''),
    confirm: (file) => `${file} を退避しますか (同じ場所に 0600 のコピーを残します。AMTC を再びオンにすると Cloud9 がファイルを作り直します)?`,
    modified: (file) => `${file} には Cloud9 が書いた以外の内容もあり、ご自身のセクションも一緒に退避されます (先に amtc-guard repair を実行すると設定ファイルへ移せます)。`,
    confirmModified: 'それでもファイル全体を退避しますか?',
    notConfirmed: 'amtc-guard: 何も移動していません (確認なしで実行するには --yes を付けてください)。',
    moved: (file, aside, now, keyId, minutes) =>
      `amtc-guard: ${file} を ${aside} に退避しました。AWS CLI は今後 ${now} を使います (${keyId}${minutes === null ? '' : `、残り ${minutes} 分`})。\n確認は amtc-guard verify、元に戻すには amtc-guard use-instance-role --undo を実行してください。`,
    refused: (p, file, detail) => {
      const msg: Record<typeof p, string> = {
        'no-file': `${file} はないので、インスタンスロールを隠すものはありません`,
        'not-managed': `${file} は Cloud9 の管理ファイルではなく (Cloud9 のヘッダーがありません)、退避するのは管理ファイルだけです`,
        unreadable: `${file} か設定ファイルを読めません (${detail ?? 'error'})`,
        'imds-settings': `インスタンスメタデータの設定が不正で (${detail ?? 'error'})、AWS CLI もインスタンスロールを使えません`,
        'no-role': `このホストではインスタンスロールが応答しません (${detail ?? '応答なし'})。先に EC2 インスタンスにインスタンスプロファイルを付けてください`,
      };
      return `amtc-guard: ${msg[p]}。何も移動していません。`;
    },
    moveProblem: (f, file) => {
      const msg: Record<typeof f, string> = {
        changed: `退避の途中で Cloud9 が ${file} を書き直したため、そのままにしました。失われたものはありません。amtc-guard status で確認してやり直してください`,
        missing: `${file} はその間になくなりました。何も移動していません`,
        locked: `別の amtc-guard が ${file} に書き込み中です。少し待ってからやり直してください`,
        'outside-home': `${file} はホームディレクトリの外を指すリンクです。リンク先はご自身で移動してください`,
        io: `${file} を移動できませんでした。失われたものはありません`,
      };
      return `amtc-guard: ${msg[f]}。`;
    },
    undone: (file, aside) => `amtc-guard: ${aside} を ${file} としてバイト単位でそのまま戻しました。`,
    nothingToUndo: (file) => `元に戻すものはありません: ${file} から退避したファイルはありません。`,
    undoProblem: (f, file, aside) => {
      const msg: Record<typeof f, string> = {
        'written-meanwhile': `その間に Cloud9 が新しい ${file} を書いたため、古いファイルは ${aside ?? '元の場所'} に残しています`,
        locked: `別の amtc-guard が ${file} に書き込み中です。少し待ってからやり直してください`,
        io: `${aside ?? '退避したファイル'} を戻せませんでした。ファイルはそのまま残っています`,
      };
      return `amtc-guard: ${msg[f]}。`;
    },
  },
};
