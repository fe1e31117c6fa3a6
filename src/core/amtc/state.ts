// The credential state of SPEC §3: one state, a list of problems, and when it will change on its own.
// Pure: files, environment and the clock come in as arguments.
import { parseCliView, CliFileView, CliParseErrorCode } from '../ini/cliView';
import { parseDocument, IniDocument } from '../ini/document';
import { buildProfileMap, FileKind, ProfileMap, stringValue } from '../ini/profiles';
import { activeProfile, credentialSource, Env, ProfileChoice, SourceKind } from '../credentials/resolve';
import type { ChainResult, ChainSource } from '../credentials/chainTypes';
import { statusChain, StatusChainOptions, withoutEmptyProfileFlag } from '../credentials/statusChain';
import { maskKeyId } from '../mask';
import { readAmtcHeader } from './header';
import { Cloud9Write, judgeRefresh, keyTag, keysTag } from './refreshEvidence';
import { FileRead } from '../files/read';

export type CredentialState = 'overridden' | 'missing' | 'expired' | 'modified' | 'managed' | 'unmanaged';

export type ProblemCode =
  | 'file-modified'
  | 'refresh-overdue'
  | 'cli-cannot-parse'
  | 'profile-not-found'
  | 'insecure-permissions'
  | 'file-unreadable'
  /** The managed file was saved after Cloud9's last write (a hand save, our Repair): waiting for Cloud9's next refresh. */
  | 'awaiting-refresh'
  | 'stale-managed-keys';

export interface Problem {
  code: ProblemCode;
  file?: FileKind;
  /** 0-based line, where the problem is tied to one. */
  line?: number;
  /** A machine-readable detail: the parse error code, the missing profile name, the file mode. */
  detail?: string;
}

export interface AmtcTimes {
  /** Cloud9's last write, from the evidence of refreshEvidence.ts (not simply the file's mtime). */
  refreshedAt: number;
  nextRefreshAt: number | null;
  expiresAt: number;
  keyId: string | null;
  /** A fingerprint of the key id, for telling Cloud9's next write from a save (see refreshEvidence.ts). */
  keyTag: string | null;
  region: string | null;
}

export interface ProfileSummary {
  name: string;
  source: SourceKind | null;
  files: FileKind[];
  keyId: string | null;
  /** Changes when the profile's keys change on disk (see refreshEvidence keysTag); null without keys. */
  keysTag: string | null;
  region: string | null;
}

export interface CredentialStatus {
  state: CredentialState;
  problems: Problem[];
  activeProfile: string;
  profileFrom: ProfileChoice;
  credentialsFile: string;
  configFile: string;
  /** The credential chain's answer for the active profile (SPEC §7); key ids are already masked. */
  source: ChainSource;
  /** What the chain read and what it still needs (files to read, endpoints to ask: amtc/settleStatus.ts). */
  chain: Omit<ChainResult, 'source' | 'nextChangeAt'>;
  amtc: AmtcTimes | null;
  /** Epoch ms when the state will change without any file event (expiry, refresh overdue). */
  nextChangeAt: number | null;
  /** At most MAX_SUMMARIZED_PROFILES; profileCount says how many there are. */
  profiles: ProfileSummary[];
  profileCount: number;
}

export interface StateInput {
  env: Env;
  credentials: FileRead;
  config: FileRead;
  now: number;
  lifetimeMs: number;
  /** Cloud9's last write seen by an earlier evaluation (the monitor keeps it; the CLI has none). */
  lastCloud9Write?: Cloud9Write;
  /** Home, --profile, cache files read and endpoint answers for the chain; without it caches count as unread. */
  chain?: StatusChainOptions;
}

export const REFRESH_GRACE_MS = 60_000;
export const CLOUD9_KEYS = new Set(['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'region']);

interface ParsedFile {
  doc: IniDocument;
  view: CliFileView;
}

// A status settles in rounds (chain caches, then endpoints) over the same reads: parse each once.
const parsedReads = new WeakMap<FileRead, ParsedFile>();

function parseFile(f: FileRead): ParsedFile | undefined {
  if (f.text === undefined) return undefined;
  let p = parsedReads.get(f);
  if (!p) {
    const doc = parseDocument(f.bytes ?? f.text);
    p = { doc, view: parseCliView(doc) };
    parsedReads.set(f, p);
  }
  return p;
}

export function computeStatus(input: StateInput): CredentialStatus {
  const { env, now } = input;
  const creds = parseFile(input.credentials);
  const config = parseFile(input.config);
  const profiles = buildProfileMap(config?.view, creds?.view);
  const chainOptions = withoutEmptyProfileFlag(input.chain ?? { home: env.HOME ?? '' });
  const active = activeProfile(env, chainOptions.profileFlag);
  const problems = fileProblems(input, creds, config);

  if (active.from !== 'env-keys' && active.from !== 'default' && !profiles.has(active.name)) {
    problems.push({ code: 'profile-not-found', detail: active.name });
  }
  const header = input.credentials.text !== undefined ? readAmtcHeader(input.credentials.text) : undefined;
  const defaultEntry = profiles.get('default');
  const defaultSource = credentialSource(defaultEntry);

  let amtc: AmtcTimes | null = null;
  let nextChangeAt: number | null = null;
  const soon = (t: number): void => {
    if (t > now && (nextChangeAt === null || t < nextChangeAt)) nextChangeAt = t;
  };
  if (header && input.credentials.mtimeMs !== undefined) {
    const keyId = stringValue(defaultEntry, 'aws_access_key_id');
    const nextRefreshAt = header.nextRefreshAt ?? null;
    const { write, savedSince } = judgeRefresh({ mtimeMs: input.credentials.mtimeMs, keyTag: keyTag(keyId), nextRefreshAt }, input.lastCloud9Write);
    amtc = {
      refreshedAt: write.at,
      nextRefreshAt,
      expiresAt: write.at + input.lifetimeMs,
      keyId: keyId ? maskKeyId(keyId) : null,
      keyTag: write.keyTag,
      region: stringValue(defaultEntry, 'region') ?? null,
    };
    soon(amtc.expiresAt);
    if (header.nextRefreshAt !== undefined) {
      const overdueAt = header.nextRefreshAt + REFRESH_GRACE_MS;
      if (now > overdueAt) problems.push({ code: 'refresh-overdue', file: 'credentials' });
      else soon(overdueAt + 1);
    }
    if (!header.hashLineOk || !isCloud9Shaped(creds)) problems.push({ code: 'file-modified', file: 'credentials' });
    // Cloud9 does not refresh a modified file at all: waiting only makes sense for one in its shape.
    else if (savedSince) problems.push({ code: 'awaiting-refresh', file: 'credentials', detail: savedSince });
  }

  let state: CredentialState;
  if (active.from === 'env-keys' || active.name !== 'default') state = 'overridden';
  else if (!defaultSource) state = 'missing';
  else state = managedFileState({ amtc, problems }, now) ?? 'unmanaged';

  const unparsable = problems.find((p) => p.code === 'cli-cannot-parse')?.file ?? null;
  const { source, nextChangeAt: chainChange, ...chain } = statusChain(
    { env, now, profiles, config: config?.view, credentialsFile: input.credentials.path, configFile: input.config.path, unparsable, amtcExpiresAt: amtc?.expiresAt ?? null },
    chainOptions,
  );
  if (chainChange !== null) soon(chainChange);

  return {
    state,
    problems,
    activeProfile: active.name,
    profileFrom: active.from,
    credentialsFile: input.credentials.path,
    configFile: input.config.path,
    source,
    chain,
    amtc,
    nextChangeAt,
    profiles: summarize(profiles),
    profileCount: profiles.size,
  };
}

function fileProblems(input: StateInput, creds: ParsedFile | undefined, config: ParsedFile | undefined): Problem[] {
  const problems: Problem[] = [];
  const each: [FileKind, FileRead, ParsedFile | undefined][] = [
    ['credentials', input.credentials, creds],
    ['config', input.config, config],
  ];
  for (const [file, read, parsed] of each) {
    if (read.error === 'invalid-utf8') problems.push({ code: 'cli-cannot-parse', file, detail: 'invalid-utf8' satisfies CliParseErrorCode });
    else if (read.error) problems.push({ code: 'file-unreadable', file, detail: read.error });
    const err = parsed?.view.error;
    if (err) problems.push({ code: 'cli-cannot-parse', file, line: err.line, detail: err.code });
    const holdsSecrets = (): boolean => file === 'credentials' || (parsed !== undefined && /aws_secret_access_key/i.test(parsed.doc.text));
    if (read.exists && read.mode !== undefined && (read.mode & 0o044) !== 0 && holdsSecrets()) {
      problems.push({ code: 'insecure-permissions', file, detail: (read.mode & 0o777).toString(8) });
    }
  }
  return problems;
}

/** The credentials file holds only what Cloud9 writes: the header, blank lines, [default] and its four keys. */
function isCloud9Shaped(parsed: ParsedFile | undefined): boolean {
  if (!parsed || parsed.view.error) return false;
  const { doc, view } = parsed;
  if (view.sections.length !== 1 || view.sections[0]!.name !== 'default' || view.defaults.size > 0) return false;
  const section = view.sections[0]!;
  const expected = new Set<number>([section.headerLine]);
  for (const o of section.options.values()) {
    if (!CLOUD9_KEYS.has(o.key) || o.lastLine !== o.line) return false;
    expected.add(o.line);
  }
  for (let i = 2; i < doc.lineCount; i++) {
    if (expected.has(i)) continue;
    if (doc.text.slice(doc.starts[i], doc.ends[i]).trim() !== '') return false;
  }
  return true;
}

/** The state Cloud9's managed file has on its own, whichever profile is in use; null without one. */
export function managedFileState(s: Pick<CredentialStatus, 'amtc' | 'problems'>, now: number): 'managed' | 'modified' | 'expired' | null {
  if (!s.amtc) return null;
  if (now >= s.amtc.expiresAt) return 'expired';
  return s.problems.some((p) => p.code === 'file-modified') ? 'modified' : 'managed';
}

export function hasProblem(s: CredentialStatus | undefined, code: ProblemCode): boolean {
  return !!s?.problems.some((p) => p.code === code);
}

/** Profiles with long-term keys of their own (not default): what "run it with --profile X" offers. */
export function fallbackProfiles(s: CredentialStatus | undefined): string[] {
  return (s?.profiles ?? []).filter((p) => p.name !== 'default' && p.keyId?.startsWith('AKIA')).map((p) => p.name);
}

/** Profiles for the report and the pickers; a huge config is summarised by its first profiles. */
export const MAX_SUMMARIZED_PROFILES = 1000;

function summarize(profiles: ProfileMap): ProfileSummary[] {
  const names = [...profiles.keys()].slice(0, MAX_SUMMARIZED_PROFILES);
  return names.map((name) => {
    const entry = profiles.get(name)!;
    const src = credentialSource(entry);
    return {
      name,
      source: src?.kind ?? null,
      files: [...new Set(entry.sections.map((s) => s.file))],
      keyId: src?.accessKeyId ? maskKeyId(src.accessKeyId) : null,
      keysTag: keysTag(src?.accessKeyId, stringValue(entry, 'aws_secret_access_key'), stringValue(entry, 'aws_session_token')),
      region: stringValue(entry, 'region') ?? null,
    };
  });
}
