// sourceMessages.ts in Japanese (same shape, checked by the type).
import type { ChainProblemCode, ChainSource, ImdsProblemCode } from '../core/credentials/chainTypes';
import { imdsChainProblems, sourceEn, SourceMessages } from './sourceMessages';

export const sourceJa: SourceMessages = {
  kind: {
    env: '環境変数のキー',
    'assume-role': '引き受けたロール',
    'assume-role-with-web-identity': 'Web ID ロール',
    sso: 'IAM Identity Center (SSO)',
    'shared-credentials-file': '認証情報ファイルのキー',
    'custom-process': '認証情報プロセス',
    'config-file': '設定ファイルのキー',
    'ec2-credentials-file': '旧 EC2 認証情報ファイル',
    'boto-config': 'boto 設定のキー',
    'container-role': 'コンテナロール',
    'iam-role': 'インスタンスロール',
  },
  // The prompt's words are the same ids in every language.
  promptKind: sourceEn.promptKind,
  none: '認証情報なし',
  works: { ok: '使用可', fails: '失敗', unchecked: '未確認' },
  label: '取得元',
  left: (t: string) => `残り ${t}`,
  sessionUntil: (t: string) => `SSO セッションは ${t} まで`,
  unchecked: (detail: string | null): string => {
    switch (detail) {
      case 'sts': return 'STS を呼ばないと分かりません (amtc-guard verify)';
      case 'mfa': return 'AWS CLI が MFA コードを尋ねます';
      case 'portal': return 'SSO セッションは有効です。ロールの認証情報は呼び出すまで分かりません';
      case 'refresh': return 'SSO セッションは 15 分以内に終わります。AWS CLI が更新を試みます';
      case 'not-run': return 'AMTC Guard は credential_process のプログラムを実行しません';
      case 'checking': return '確認中…';
      default: return '呼び出すまで分かりません (amtc-guard verify)';
    }
  },
  imds: {
    disabled: 'インスタンスメタデータサービスが無効です (AWS_EC2_METADATA_DISABLED)',
    'no-role': 'インスタンスロールが付いていません',
    timeout: 'インスタンスメタデータサービスが時間内に応答しません',
    unreachable: 'インスタンスメタデータサービスに接続できません',
    'bad-json': 'インスタンスメタデータサービスの応答が認証情報ではありません',
    'error-code': 'インスタンスロールを使えません',
    'token-rejected': 'インスタンスメタデータサービスがセッショントークンの要求を拒否しました',
    'bad-endpoint': 'インスタンスメタデータのエンドポイントが使えません',
  },
  problem(s: ChainSource): string {
    const d = s.detail ?? '';
    const imds = (k: ImdsProblemCode): string => this.imds[k];
    const msg: Record<ChainProblemCode, string> = {
      'no-credentials': `AWS CLI は認証情報を見つけられません${s.detail ? ` (${imds(d as ImdsProblemCode)})` : ''}。プロファイルを追加するかインスタンスロールを付けてください`,
      'profile-not-found': `プロファイル "${d}" はどちらのファイルにもありません。これを使う aws コマンドはすべて失敗します`,
      'cli-cannot-parse': 'AWS CLI が認証情報または設定ファイルを解析できません。amtc-guard status が示す行を直してください',
      'imds-bad-endpoint': `インスタンスメタデータのエンドポイント "${d}" は使えません (AWS CLI 2.9.19 は "/" で終わる URL が必要です)`,
      'imds-bad-endpoint-mode': `インスタンスメタデータのエンドポイントモード "${d}" は不正です (ipv4 か ipv6)。直すまですべての aws コマンドが失敗します`,
      'imds-bad-setting': `${d} は整数でなければなりません。直すまですべての aws コマンドが失敗します`,
      'partial-keys': `アクセスキー ID に対する ${d} がありません。追加するかキー ID を削除してください`,
      expired: 'この認証情報は期限切れです。新しいものを取得してください',
      'amtc-expired': 'Cloud9 が管理していたキーは失効したまま認証情報ファイルに残り、ほかの取得元をすべて隠しています。[default] を削除してください (または AMTC を再び有効に)',
      'source-profile-missing': `source_profile "${d}" は存在しません。名前を直すかそのプロファイルを追加してください`,
      'source-profile-cycle': `source_profile の設定がループしています (${d})。ループを断ってください`,
      'source-profile-no-credentials': `ソースプロファイル "${d}" に認証情報がありません。キーか別の取得元を設定してください`,
      'source-both': 'プロファイルに source_profile と credential_source の両方があります。どちらか一つにしてください',
      'source-neither': 'role_arn はありますが source_profile も credential_source もありません。どちらかを追加してください',
      'credential-source-invalid': `credential_source "${d}" は不正です。Ec2InstanceMetadata、Environment、EcsContainer のいずれか (大文字小文字も一致) にしてください`,
      'credential-source-empty': `credential_source ${d} からはここで認証情報が得られません`,
      'amtc-assume-role': 'このロールは Cloud9 の管理認証情報で引き受けられますが、それでは sts:AssumeRole を呼べません。自分のキーかインスタンスロールを取得元にしてください',
      'web-identity-token-missing': `Web ID トークンファイル ${s.from ?? ''} がありません`,
      'web-identity-role-missing': 'Web ID にロール ARN がありません。role_arn か AWS_ROLE_ARN を設定してください',
      'sso-token-missing': `IAM Identity Center にサインインしていません。再度サインインしてください: aws sso login --profile ${s.signInProfile ?? ''}`,
      'sso-token-expired': `IAM Identity Center のセッションが期限切れです。再度サインインしてください: aws sso login --profile ${s.signInProfile ?? ''}`,
      'sso-region-missing': 'SSO プロファイルに sso_region がありません。追加してください',
      'sso-session-missing': `プロファイルが指す sso-session "${d}" がありません。[sso-session ${d}] を追加するか名前を直してください`,
      'sso-config-incomplete': `SSO プロファイルに ${d} がありません。追加してください`,
      'sso-config-conflict': `${d} がプロファイルと sso-session で異なります。値を一つにしてください`,
      'cache-unreadable': `AWS CLI のキャッシュファイル ${s.from ?? ''} が壊れています。削除してからサインインまたはコマンドを再実行してください`,
      'file-missing': `AWS_CREDENTIAL_FILE が指す ${s.from ?? ''} がありません。変数を消すかファイルを作ってください`,
      'container-bad-host': `コンテナ認証情報の URL のホスト "${d}" は AWS CLI 2.9.19 が拒否します (使えるのは 169.254.170.2、localhost、127.0.0.1)`,
      'container-unreachable': 'コンテナ認証情報のエンドポイントに接続できません。すべての aws コマンドが失敗します (インスタンスロールには切り替わりません)',
      'container-error': `コンテナ認証情報のエンドポイントがエラーを返しました (${d})。AWS_CONTAINER_AUTHORIZATION_TOKEN を確認してください`,
      'container-timeout': 'コンテナ認証情報のエンドポイントが時間内に応答しません',
      ...imdsChainProblems(this.imds),
    };
    return msg[s.problem ?? 'no-credentials'];
  },
};
