// CLI の日本語メッセージ。型が Messages なので、英語に文を足して日本語を忘れると型チェックで落ちる。
import type { Messages } from './messages';
import { DOCS_URL, ROLE_NAME_PREFIX } from '../core/amtc/allowList';
import { afterJa } from './messagesAfter.ja';
import { sourceJa } from './sourceMessages.ja';

const FILE = { credentials: '認証情報ファイル', config: '設定ファイル' } as const;

export const ja: Messages = {
  usage: `使い方: amtc-guard <コマンド> [オプション]

コマンド:
  status [--json] [--profile 名前]
                                  この環境で AWS CLI が使う認証情報 (キー、SSO、ロール、インスタンスロールまで
                                  チェーン全体) が使えるか、いつまでか、Cloud9 の AWS マネージド一時認証情報
                                  (AMTC) の状態を表示します。
  watch                           状態を 1 行で表示し、変化のたびに更新します。Ctrl-C で終了します (Cloud9 IDE のターミナル向け)。
  explain [--json] [--command 行] [--exit-code N] [--hint]
                                  失敗したコマンドの出力を標準入力から読み、AMTC が原因かどうかを説明します
                                  (--hint: AMTC が原因のときだけ 1 行で。シェルフック用)。
  add-profile --name 名前 --access-key-id キー [--region R] [--output O] [--target config|credentials]
              [--secret-stdin] [--replace] [--yes-modify-managed-file] [--json]
                                  管理対象のファイルに触れずに、代替プロファイルを追加します (シークレットは
                                  --secret-stdin で標準入力から、または画面に表示せずに入力)。
  verify [--profile 名前] [--region R] [--endpoint-url URL] [--json]
                                  プロファイルで STS GetCallerIdentity を呼び出して確認します。
  repair [--prefer credentials|config] [--json]
                                  Cloud9 管理の認証情報ファイルに書き足されたセクションを設定ファイルへ移します。
  init bash|zsh [--print] [--install] [--uninstall]
                                  シェルフック: AMTC による拒否の下に 1 行のヒントを出します (eval "$(amtc-guard init bash)")。
  prompt                          プロンプト用の短い状態表示: amtc:11m、amtc:expired、aws:c9_work。
  use-instance-role [--yes] [--undo] [--json]
                                  失効した Cloud9 の管理ファイルを (バックアップを取って) 退避し、CLI がインスタンスロールを使えるようにします。
  amtc on|off [--yes] [--environment-id ID] [--region R] [--endpoint-url URL] [--json]
                                  AWS マネージド一時認証情報をオン・オフします (cloud9:UpdateEnvironment、所有者のみ)。

オプション: --help、--version。終了コード: 0 正常、1 問題あり、2 使い方の誤りまたは入力を読めない。`,
  unknownCommand: (c: string) => `amtc-guard: "${c}" というコマンドはありません。一覧は amtc-guard --help で確認してください。`,
  usageError: (p, command) => `amtc-guard ${command}: ${ja.usageProblem(p)}。使い方は amtc-guard ${command} --help で確認してください。`,
  usageProblem: (p) => {
    switch (p.code) {
      case 'unknown-option': return `${p.option} というオプションはありません`;
      case 'takes-no-value': return `${p.option} に値は付けられません`;
      case 'needs-value': return `${p.option} には値が必要です`;
      case 'unexpected-argument': return `"${p.arg}" は受け付けない引数です`;
      case 'one-of': return `${p.option} には ${p.values.join(' か ')} を指定します`;
      case 'needs-options': return `${p.options.join(' と ')} が必要です`;
      case 'url': return `${p.option} には http:// か https:// で始まる URL を指定します ("${p.value}" は使えません)`;
      case 'whole-number': return `${p.option} には整数を指定します ("${p.value}" は整数ではありません)`;
      case 'needs-shell': return 'シェルを指定してください: bash か zsh';
      case 'needs-on-off': return 'on か off を指定してください';
      case 'secret-not-on-stdin': return 'シークレットは --secret-stdin を付けて標準入力で渡すか、ターミナルで実行して入力してください (引数では渡せません)';
      case 'secret-too-long': return '標準入力が 64 KiB を超えていて、シークレットアクセスキーではありません。シークレット (ASIA キーなら次の行にセッショントークン) だけを渡してください';
    }
  },
  internalError: (m: string) => `amtc-guard: 予期しないエラーです (${m})。実行したコマンドを添えて報告してください。`,
  nodeTooOld: (command: string, node: string, major: number) =>
    `amtc-guard: ${command} は AWS SDK のため Node.js ${major} 以上が必要ですが、この Node は ${node} です。ほかのコマンドはこのまま使えます。`,
  state: {
    managed: (m: number) => `AMTC 有効: Cloud9 の一時認証情報を使用中です。Cloud9 が更新しなければ ${m} 分後に失効します。`,
    modified: 'AMTC 変更あり: 管理対象の認証情報ファイルが編集されたため、Cloud9 はこのファイルを更新しなくなりました。',
    expired: 'AMTC 失効: Cloud9 が期限内に認証情報を更新しませんでした。この認証情報を使う AWS の呼び出しは失敗します。',
    overridden: (p: string, from: string) => `Cloud9 のマネージド一時認証情報ではなく、AWS プロファイル "${p}" を使用中です (${from} で指定)。`,
    missing: 'デフォルトの AWS 認証情報がありません。AWS CLI はインスタンスメタデータサービス (インスタンスロール) を試します。',
    unmanaged: 'デフォルトの AWS 認証情報はご自身のもので、Cloud9 の管理対象ではありません。',
  },
  envKeys: '環境変数 AWS_ACCESS_KEY_ID',

  fields: {
    profile: 'プロファイル',
    key: 'キー',
    files: 'ファイル',
    refreshed: '更新',
    nextRefresh: '次回更新',
    expires: '失効',
    expired: '失効済み',
    problems: (n) => `${n} 件の問題`,
    managedNotUsed: 'Cloud9 のマネージド一時認証情報 ([default]、このプロファイルでは使われていません)',
  },
  sep: { list: '、', clause: '、' },
  problem: (p) => {
    const where = p.file ? ` (${FILE[p.file]}${p.line !== undefined ? `、${p.line + 1} 行目` : ''})` : '';
    switch (p.code) {
      case 'file-modified': return `管理対象の認証情報ファイルが Cloud9 の書いた内容と違います${where}。amtc-guard repair を実行してください`;
      case 'refresh-overdue': return 'Cloud9 が予定の時刻に認証情報を更新していません (Cloud9 IDE を閉じていませんか)';
      case 'cli-cannot-parse': return `AWS CLI がこのファイルを解析できません (${p.detail ?? 'error'})${where}。直すまで aws コマンドはすべて失敗します`;
      case 'profile-not-found': return `プロファイル "${p.detail ?? ''}" はどちらのファイルにも定義されていません`;
      case 'insecure-permissions': return `${p.file ? FILE[p.file] : 'ファイル'}を他のユーザーが読めます (モード ${p.detail ?? '?'})。chmod 600 を実行してください`;
      case 'file-unreadable': return `${p.file ? FILE[p.file] : 'ファイル'}を読めません (${p.detail ?? 'error'})`;
      case 'awaiting-refresh': return '管理対象のファイルは Cloud9 の最後の書き込みの後に保存されましたが、それでは認証情報は更新されません。Cloud9 の次の更新を待っています (Cloud9 IDE を開いたままにしてください)';
      case 'stale-managed-keys': return `マネージドキーは失効していますが AWS CLI はまだそれを使い、その後ろの${p.detail === 'iam-role' ? 'インスタンスロール' : p.detail ?? '別の認証情報'}に届きません。amtc-guard use-instance-role を実行してください`;
    }
  },
  explain: {
    hint: (v, profile, color) => {
      const head = color ? '\x1b[1;33mamtc-guard:\x1b[0m' : 'amtc-guard:';
      const fix = profile ? `--profile ${profile} を付けて再実行してください` : 'ご自身のキーのプロファイルを追加してください: amtc-guard add-profile --name c9_work …';
      const why = v.reason === 'role-name' ? `AMTC で ${v.action ?? 'この操作'} を実行できるのは名前が ${ROLE_NAME_PREFIX} で始まるロールだけです` : v.reason === 'unsupported-action' ? `AMTC では ${v.action ?? 'この操作'} を実行できません` : v.reason === 'expired' ? 'マネージド一時認証情報が失効しています (Cloud9 が更新を止めました)' : 'AMTC がトークンを拒否しました (IP アドレスの制限か、認証情報の無効化)';
      return `${head} ${why}。${v.reason === 'expired' ? 'Cloud9 IDE を開き直すか、amtc-guard status で確認してください' : fix}。`;
    },
    reason: (v) => {
      const action = v.action ?? 'この操作';
      switch (v.reason) {
        case 'none': return '出力に AWS のエラーはありません (またはコマンドは成功しています)。';
        case 'not-amtc': return v.because === 'not-a-token-error'
          ? `AMTC が原因ではありません。${v.error?.code ?? 'このエラー'} は、呼び出した ID 自身の権限によるものです。`
          : 'AMTC が原因ではありません。このコマンドはマネージド一時認証情報を使っていません。';
        case 'unsupported-action': return `AMTC では ${action} を実行できません。ご自身のキーを持つプロファイルで実行してください。`;
        case 'role-name': return `AMTC で ${action} を実行できるのは、名前が "${ROLE_NAME_PREFIX}" で始まるロールだけです${v.roleName ? ` ("${v.roleName}" は該当しません)` : ''}。ご自身のキーのプロファイルか、${ROLE_NAME_PREFIX} で始まるロールを使ってください。`;
        case 'expired': return 'Cloud9 が更新を止めたため、マネージド一時認証情報が失効しました (IDE を閉じた、ファイルを変更した、AMTC を無効にした、のいずれか)。';
        case 'token-rejected': return 'AMTC がトークンを拒否しました。環境の IP アドレス以外からの呼び出しか、認証情報が (共同作業者の追加などで) 無効になった可能性があります。';
        case 'source-fails': return `AMTC が原因ではありません。コマンドが使った${v.source?.kind ? sourceJa.kind[v.source.kind] : '認証情報の取得元'}が失敗しています: ${v.source ? sourceJa.problem(v.source) : ''}。`;
      }
    },
    likely: (sentence) => `最も可能性が高い原因: ${sentence}`,
    lessLikely: (sentence) => `可能性は低いが考えられる原因: ${sentence}`,
    pasteHint: '失敗したコマンドの出力を貼り付け、空の行で Ctrl-D を押してください (パイプでも渡せます: aws … 2>&1 | amtc-guard explain)。',
    withCommand: '確実に判定するには、コマンドラインも渡してください: amtc-guard explain --command "aws iam …" < output.txt',
    fix: (f, profile) => {
      switch (f) {
        case 'run-with-profile': return profile ? `--profile ${profile} を付けて再実行する` : undefined;
        case 'add-fallback-profile': return 'IAM ユーザーのキーでプロファイルを追加する: amtc-guard add-profile --name c9_work --access-key-id AKIA… --secret-stdin';
        case 'why': return `AMTC で使える操作: ${DOCS_URL}`;
        case 'show-status': return '状態を確認する: amtc-guard status';
        case 'repair': return '管理対象ファイルへの変更を移す: amtc-guard repair';
        case 'reload-ide': return 'Cloud9 IDE を開き直す (再読み込みする) と認証情報が更新されます';
        case 'sign-in': return undefined;
        case 'mute-action': return undefined;
      }
    },
  },
  addProfile: {
    secretPrompt: 'シークレットアクセスキー (表示されません): ',
    tokenPrompt: 'セッショントークン (表示されません): ',
    done: (action, name, keyId, file, backup) =>
      `amtc-guard: プロファイル "${name}" (${keyId}) を ${file} に${action === 'added' ? '追加しました' : 'キーを置き換えて保存しました'}${backup ? ` (バックアップ: ${backup})` : ''}。\n使い方: aws … --profile ${name}   (または AWS_PROFILE=${name})`,
    problem: (p, name, file) => {
      const msg: Record<typeof p, string> = {
        'invalid-name': `"${name}" はプロファイル名に使えません。英数字と _ - . + @ を使ってください ("default" 以外)`,
        'invalid-key-id': 'アクセスキー ID は AKIA (または ASIA) に続く 16 文字の英大文字・数字です',
        'invalid-secret': 'シークレットアクセスキーが空か、空白を含んでいます。IAM に表示されたとおりに貼り付けてください',
        'missing-session-token': 'ASIA で始まるキーは一時的なもので、標準入力の 2 行目にセッショントークンが必要です',
        'invalid-region': 'リージョンの形式ではありません (例: ap-northeast-1)',
        'invalid-output': '出力形式は json、yaml、yaml-stream、text、table のいずれかです',
        exists: `プロファイル "${name}" は既にあります。何も変更していません (キーをその場で置き換えるには --replace を付けてください)`,
        'exists-in-credentials': `プロファイル "${name}" のキーは ${file} にあり、設定ファイルより優先されます。先に amtc-guard repair を実行してください`,
        'managed-file': `${file} は Cloud9 が管理しており、編集すると更新が止まります。何も変更していません (既定の設定ファイルを使ってください)`,
        'cli-cannot-parse': `AWS CLI が ${file} を解析できません。先にそのファイルを直してください (amtc-guard status で行がわかります)`,
        'invalid-value': '値に改行か前後の空白が含まれています',
        'outside-home': `${file} はホームディレクトリの外を指すリンクです。リンク先はご自身で編集してください`,
        'not-a-file': `${file} は通常のファイルではありません`,
        unreadable: `${file} を読めません。権限を確認してください`,
        'invalid-utf8': `${file} は UTF-8 のテキストではありません。何も変更していません`,
        locked: `別の amtc-guard が ${file} に書き込み中です。少し待ってからやり直してください`,
        'keeps-changing': `書き込もうとする間も ${file} が変わり続けました。何も変更していません。やり直してください`,
        refused: '何も変更していません',
        io: `${file} に書き込めませんでした`,
      };
      return `amtc-guard: ${msg[p]}。`;
    },
  },
  verify: {
    ok: (profile, arn, account, keyId, temporary) =>
      `amtc-guard: プロファイル "${profile}" は有効です: ${arn} (アカウント ${account}、キー ${keyId}${temporary ? '、一時認証情報' : ''})。`,
    problem: (profile, p, code) => {
      const msg: Record<typeof p, string> = {
        'profile-not-found': `プロファイル "${profile}" には、どちらのファイルにも使える認証情報がありません`,
        'invalid-key-id': `AWS は "${profile}" のアクセスキー ID を認識しません (${code})。IAM コンソールで確認してください`,
        'wrong-secret': `"${profile}" のシークレットアクセスキーがアクセスキー ID と一致しません (${code})。シークレットを貼り付け直してください`,
        expired: `"${profile}" の認証情報は失効しています (${code})`,
        'no-network': `STS に接続できません (${code})。ネットワークかエンドポイントを確認してください`,
        other: `STS が呼び出しを拒否しました (${code})`,
      };
      return `amtc-guard: ${msg[p]}。`;
    },
  },
  repair: {
    done: (moved, unmovable, configFile, backups) =>
      `amtc-guard: ${moved.map((n) => `"${n}"`).join('、')} を ${configFile} に移しました。管理対象の認証情報ファイルには Cloud9 が書いた内容だけが残っています。` +
      (unmovable.length ? `\nそのまま残したセクション (名前を変えてください): ${unmovable.join('、')}。` : '') +
      (backups.length ? `\nバックアップ: ${backups.join('、')}` : '') +
      '\nCloud9 は次の更新時に更新を再開します。認証情報を更新するか尋ねられた場合は、Cloud9 IDE を再読み込みしてください (または Preferences で AWS マネージド一時認証情報をいったんオフにしてからオンにします)。',
    nothing: (why, file) => {
      switch (why) {
        case 'nothing-to-repair': return `修復するものはありません: ${file} は Cloud9 が書いたとおりです。`;
        case 'not-managed': return `修復するものはありません: ${file} は Cloud9 の管理ファイルではありません (Cloud9 のヘッダーがありません)。`;
        case 'no-file': return `修復するものはありません: ${file} がありません。`;
      }
    },
    problem: (p, clashes, file) => {
      switch (p) {
        case 'clash': return `amtc-guard: ${clashes.map((c) => `${c.profile}.${c.key}`).join('、')} の値が 2 つのファイルで異なります。何も変更していません。--prefer credentials か --prefer config で選んでください。`;
        case 'cli-cannot-parse': return 'amtc-guard: AWS CLI がどちらかのファイルを解析できません。先に手で直してください (amtc-guard status で行がわかります)。';
        case 'unreadable': return 'amtc-guard: 認証情報ファイルか設定ファイルを読めません。存在と権限を確認してください。';
        default: return `amtc-guard: ${file || 'ファイル'} に書き込めませんでした (${p})。失われたものはありません。やり直してください。`;
      }
    },
  },
  init: {
    print: (rc, line, script) => `# 次の行を ${rc} に追加してください (または amtc-guard init ${rc.endsWith('zshrc') ? 'zsh' : 'bash'} --install を実行):\n${line}\n\n# 定義される内容:\n${script}`,
    installed: (rc, backup) => `amtc-guard: ${rc} にフックの行を追加しました${backup ? ` (バックアップ: ${backup})` : ''}。新しいターミナルで有効になります。`,
    uninstalled: (rc, removed) => (removed ? `amtc-guard: ${rc} からフックの行を削除しました。` : `amtc-guard: ${rc} に amtc-guard のフックの行はありません。何も変更していません。`),
    failed: (rc) => `amtc-guard: ${rc} を変更できませんでした。失われたものはありません。`,
  },
  after: afterJa,
  ago: (m) => (m <= 0 ? 'たった今' : `${m} 分前`),
  inMinutes: (m) => (m <= 0 ? '今' : `${m} 分後`),
  duration: (m) => (m < 60 ? `${m} 分` : m < 1440 ? `${Math.floor(m / 60)} 時間${m % 60 ? ` ${m % 60} 分` : ''}` : `${Math.floor(m / 1440)} 日${Math.floor((m % 1440) / 60) ? ` ${Math.floor((m % 1440) / 60)} 時間` : ''}`),
  source: sourceJa,
};
