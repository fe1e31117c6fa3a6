// What must never be shown or logged whole. Key ids are masked (ASIA…C001: enough to tell two keys
// apart); secret access keys and session tokens are replaced entirely, wherever they appear in a
// command line, an error message or file text.
const KEY_ID = /\b((?:AKIA|ASIA|AIDA|AROA|ABIA|ACCA)[A-Z0-9]{12,})\b/g;

/** What a secret is shown as. */
export const MASK = '…';

export function maskKeyId(keyId: string): string {
  const id = keyId.trim();
  if (id.length <= 8) return MASK;
  return `${id.slice(0, 4)}…${id.slice(-4)}`;
}

/** Masks every AWS key id inside free text (error messages, command lines). */
export function maskKeyIdsIn(text: string): string {
  return text.replace(KEY_ID, (id) => maskKeyId(id));
}

// A shell word as the secret's value: quoted ("…" with \-escapes, '…') or up to the next blank or
// shell operator.
const VALUE = String.raw`(?:"(?:[^"\\]|\\.)*"?|'[^']*'?|[^\s;&|)]+)`;
const SECRET_NAME = String.raw`(?:aws_secret_access_key|aws_session_token|aws_security_token)`;
const SECRET_PATTERNS: RegExp[] = [
  // AWS_SECRET_ACCESS_KEY=… AWS_SESSION_TOKEN=… (env prefixes, export, .env files) and INI lines
  // "aws_secret_access_key = …"
  new RegExp(String.raw`(\b${SECRET_NAME}\s*=\s*)${VALUE}`, 'gi'),
  // aws configure set [profile.NAME.|default.]aws_secret_access_key VALUE
  new RegExp(String.raw`(\bset\s+(?:[\w.-]+\.)?${SECRET_NAME}\s+)${VALUE}`, 'gi'),
  // --secret-access-key VALUE, --session-token=VALUE and the like
  new RegExp(String.raw`(--(?:aws-)?(?:secret-access-key|session-token|secret-key|password)(?:\s*=\s*|\s+))${VALUE}`, 'gi'),
  // JSON as STS and `aws configure export-credentials` print it
  /("(?:SecretAccessKey|SessionToken|secret_access_key|session_token)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi,
];

/**
 * Text safe to show or log: secret values after the names that carry them are replaced by MASK,
 * and key ids are masked. For every command line and message the shells display or log.
 */
export function maskSecretsIn(text: string): string {
  let out = text;
  for (const p of SECRET_PATTERNS) out = out.replace(p, (_m, head: string) => head + MASK);
  return maskKeyIdsIn(out);
}
