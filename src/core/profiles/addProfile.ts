// Adding (or replacing) a fallback profile, SPEC §5: by default `[profile NAME]` in the config file,
// which the AWS CLI v2, boto3 and the JS SDK read, so Cloud9's managed credentials file is untouched.
import { readAmtcHeader } from '../amtc/header';
import { FilePaths } from '../credentials/resolve';
import { isWritableValue, PROFILE_NAME, setProfileKeys, EditRefusal } from '../ini/edit';
import { parseCliView } from '../ini/cliView';
import { parseDocument } from '../ini/document';
import { buildProfileMap, FileKind } from '../ini/profiles';
import { readStable } from '../files/read';
import { safeWrite, WriteFailure } from '../files/safeWrite';

export const KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
export const OUTPUT_FORMATS = ['json', 'yaml', 'yaml-stream', 'text', 'table'] as const;
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export interface NewProfile {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Required for an ASIA (temporary) key id. */
  sessionToken?: string;
  region?: string;
  output?: string;
}

export interface AddProfileOptions {
  target: FileKind;
  replace: boolean;
  paths: FilePaths;
  home: string;
  /** The user confirmed writing into a credentials file that Cloud9 manages. */
  confirmManagedFile?: boolean;
}

export type AddProfileProblem =
  | 'invalid-name' | 'invalid-key-id' | 'invalid-secret' | 'missing-session-token' | 'invalid-region' | 'invalid-output'
  | 'exists' | 'exists-in-credentials' | 'managed-file' | 'cli-cannot-parse' | 'invalid-value' | WriteFailure;

export type AddProfileOutcome =
  | { ok: true; action: 'added' | 'replaced'; file: string; backup: string | null }
  | { ok: false; problem: AddProfileProblem; file?: string };

/** Checks what can be checked before anyone types a secret: the name, the key id, region and output. */
export function validateProfileFields(p: Pick<NewProfile, 'name' | 'accessKeyId' | 'region' | 'output'>): AddProfileProblem | undefined {
  if (!PROFILE_NAME.test(p.name) || p.name === 'default') return 'invalid-name';
  if (!KEY_ID.test(p.accessKeyId)) return 'invalid-key-id';
  if (p.region !== undefined && !REGION.test(p.region)) return 'invalid-region';
  if (p.output !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(p.output)) return 'invalid-output';
  return undefined;
}

/** Checks the input alone (exit code 2 problems in the CLI). */
export function validateNewProfile(p: NewProfile): AddProfileProblem | undefined {
  const fields = validateProfileFields(p);
  if (fields) return fields;
  if (!isWritableValue(p.secretAccessKey) || /\s/.test(p.secretAccessKey)) return 'invalid-secret';
  if (p.accessKeyId.startsWith('ASIA') && !p.sessionToken) return 'missing-session-token';
  if (p.sessionToken !== undefined && (!isWritableValue(p.sessionToken) || /\s/.test(p.sessionToken))) return 'invalid-secret';
  return undefined;
}

export async function addProfile(p: NewProfile, opts: AddProfileOptions): Promise<AddProfileOutcome> {
  const invalid = validateNewProfile(p);
  if (invalid) return { ok: false, problem: invalid };
  const file = opts.target === 'config' ? opts.paths.configFile : opts.paths.credentialsFile;
  const [credentials, config] = await Promise.all([readStable(opts.paths.credentialsFile), readStable(opts.paths.configFile)]);
  const view = (t: string | undefined) => (t === undefined ? undefined : parseCliView(parseDocument(t)));
  const existing = buildProfileMap(view(config.text), view(credentials.text)).get(p.name);
  if (existing && !opts.replace) return { ok: false, problem: 'exists', file };
  // Keys in the credentials file win over the config file: replacing there would change nothing.
  if (existing && opts.target === 'config' && existing.origin.get('aws_access_key_id') === 'credentials') return { ok: false, problem: 'exists-in-credentials', file: opts.paths.credentialsFile };
  const keys: [string, string | null][] = [
    ['aws_access_key_id', p.accessKeyId],
    ['aws_secret_access_key', p.secretAccessKey],
    ['aws_session_token', p.sessionToken ?? null],
  ];
  if (p.region) keys.push(['region', p.region]);
  if (p.output) keys.push(['output', p.output]);
  let refusal: EditRefusal | 'managed-file' | undefined;
  const written = await safeWrite<'added' | 'replaced' | undefined>({
    file,
    home: opts.home,
    edit: (current) => {
      // Checked on every attempt: Cloud9 may have just recreated its file.
      if (opts.target === 'credentials' && current !== undefined && readAmtcHeader(current) && !opts.confirmManagedFile) {
        refusal = 'managed-file';
        return { refuse: undefined };
      }
      const r = setProfileKeys(current ?? '', { file: opts.target, profile: p.name, keys, replace: opts.replace });
      if (!r.ok) {
        refusal = r.code;
        return { refuse: undefined };
      }
      return { write: r.text, result: r.action };
    },
  });
  if (!written.ok) return { ok: false, problem: written.failure === 'refused' && refusal ? (refusal === 'invalid-name' ? 'invalid-name' : refusal) : written.failure, file: written.target };
  return { ok: true, action: written.result ?? 'replaced', file: written.target, backup: written.backup };
}
