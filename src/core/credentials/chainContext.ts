// The bookkeeping every provider of the chain shares: the files it read or still needs, the probes it
// reached, the next time the answer changes on its own, and one way to build a ChainSource.
import type { FileKind, ProfileEntry } from '../ini/profiles';
import { maskKeyId } from '../mask';
import type { ChainFileRead, ChainInput, ChainProblemCode, ImdsSettings, ChainProbes, ChainReader, ChainSource, ProbeAnswers } from './chainTypes';
import { CachedCredentials, CACHE_EXPIRY_WINDOW_MS, readCachedCredentials } from './cacheFiles';

export class ChainContext {
  readonly files = new Set<string>();
  readonly unread = new Set<string>();
  readonly pending: ChainProbes = {};
  nextChangeAt: number | null = null;
  /** The IMDS knobs of the active profile, once the chain could be built. */
  imds: ImdsSettings | null = null;

  constructor(readonly input: ChainInput, private readonly reader: ChainReader, readonly answers: ProbeAnswers) {}

  get now(): number {
    return this.input.now;
  }

  /** The file's content; a file not supplied yet counts as missing for now and is listed as unread. */
  read(path: string): ChainFileRead {
    this.files.add(path);
    const r = this.reader(path);
    if (r === undefined) {
      this.unread.add(path);
      return { missing: true };
    }
    return r;
  }

  /** The answer changes at t (an expiry, a cache leaving its 15-minute window). */
  changesAt(t: number | null): void {
    if (t !== null && t > this.now && (this.nextChangeAt === null || t < this.nextChangeAt)) this.nextChangeAt = t;
  }

  /** A role or SSO cache entry and whether the CLI would use it (> 15 minutes left). */
  cachedRole(path: string): { cache: CachedCredentials; fresh: boolean } {
    const cache = readCachedCredentials(this.read(path));
    if (cache.state !== 'usable') return { cache, fresh: false };
    const windowStart = cache.expiresAt - CACHE_EXPIRY_WINDOW_MS;
    this.changesAt(windowStart);
    this.changesAt(cache.expiresAt);
    return { cache, fresh: this.now < windowStart };
  }
}

export function source(kind: ChainSource['kind'], fields: Partial<ChainSource> = {}): ChainSource {
  return {
    kind,
    works: 'unchecked',
    problem: null,
    expiresAt: null,
    from: null,
    profile: null,
    file: null,
    line: null,
    keyId: null,
    detail: null,
    via: null,
    sessionExpiresAt: null,
    signInProfile: null,
    ...fields,
  };
}

export function fails(kind: ChainSource['kind'], problem: NonNullable<ChainSource['problem']>, fields: Partial<ChainSource> = {}): ChainSource {
  return source(kind, { works: 'fails', problem, ...fields });
}

export function masked(keyId: string | undefined | null): string | null {
  return keyId ? maskKeyId(keyId) : null;
}

/** Where a profile key is written: the file and 0-based line, for "open the file at the line". */
export function lineOf(entry: ProfileEntry | undefined, key: string, file?: FileKind): { file: FileKind; line: number } | null {
  if (!entry) return null;
  const from = file ?? entry.origin.get(key);
  for (const s of entry.sections) {
    if (s.file !== from) continue;
    const o = s.section.options.get(key);
    return { file: s.file, line: o ? o.line : s.section.headerLine };
  }
  return null;
}

/** A key a file's own section of the profile defines (the credentials and config providers read one file each). */
export function hasInFile(entry: ProfileEntry | undefined, file: FileKind, key: string): boolean {
  return !!entry?.sections.some((s) => s.file === file && s.section.options.has(key));
}

/** The file path of a FileKind. */
export function pathOf(input: ChainInput, file: FileKind): string {
  return file === 'credentials' ? input.credentialsFile : input.configFile;
}

/**
 * Problems that appear only when the CLI uses the credentials (botocore's deferred providers: SSO,
 * web identity, role caches, dead keys); the chain itself loads. Everything else stops it while loading.
 */
const ON_USE: ReadonlySet<ChainProblemCode> = new Set<ChainProblemCode>([
  'expired', 'amtc-expired', 'amtc-assume-role', 'sso-token-missing', 'sso-token-expired', 'web-identity-token-missing', 'cache-unreadable',
]);

export function failsOnUse(problem: ChainProblemCode): boolean {
  return ON_USE.has(problem);
}
