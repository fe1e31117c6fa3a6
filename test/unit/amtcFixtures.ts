// Files as Cloud9 writes them, for unit tests.
import { amtcHeaderLines } from '../../src/core/amtc/header';

export const HASH = '48d6506ec784eec13b97c5bda76c9b9efff1fd8ac0b3bfe2b11c0d19f24764f1';

export function amtcFile(nextRefreshAt: number, opts: { keyId?: string; extra?: string; eol?: string } = {}): string {
  const eol = opts.eol ?? '\n';
  return [
    ...amtcHeaderLines(nextRefreshAt, HASH),
    '',
    '[default]',
    `aws_access_key_id=${opts.keyId ?? 'ASIAEXAMPLEKEY0C001'}`,
    'aws_secret_access_key=SECRETSECRETSECRET',
    'aws_session_token=TOKENTOKENTOKEN',
    'region=us-east-1',
    '',
  ].join(eol) + (opts.extra ?? '');
}
