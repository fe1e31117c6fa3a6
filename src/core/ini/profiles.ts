// botocore's build_profile_map (config file) and the credentials-file merge of Session.full_config:
// which profile names exist and which keys each one has, as the AWS CLI will see them.
import { CliFileView, CliSection, CliValue, sectionValues } from './cliView';
import { shlexSplit } from './pyText';

export type FileKind = 'config' | 'credentials';

export interface ProfileEntry {
  values: Map<string, CliValue>;
  /** Where each key came from (the credentials file wins over the config file). */
  origin: Map<string, FileKind>;
  /** Sections that define this profile, for edits and "open at line". */
  sections: { file: FileKind; section: CliSection }[];
}

const SIMPLE_PROFILE = /^profile[ \t\r\n]+([^\s'"\\]+)[ \t\r\n]*$/;

/** The profile a config-file section defines, or undefined when the CLI ignores it as a profile. */
export function configSectionProfile(name: string): string | undefined {
  if (name.startsWith('profile')) {
    // Most names need no shell quoting rules; shlex only for the rest.
    const simple = SIMPLE_PROFILE.exec(name);
    if (simple) return simple[1];
    const parts = shlexSplit(name);
    return parts && parts.length === 2 ? parts[1] : undefined;
  }
  return name === 'default' ? 'default' : undefined;
}

interface Sources {
  config?: CliSection;
  credentials?: CliSection;
}

/**
 * botocore's profile map, built lazily: names are indexed in one pass over the section headers, and
 * a profile's keys are read only when it is asked for (a 50,000-profile config resolves one profile
 * without touching the others).
 */
export class ProfileMap implements Iterable<[string, ProfileEntry]> {
  private readonly index = new Map<string, Sources>();
  private readonly cache = new Map<string, ProfileEntry>();

  constructor(private readonly config: CliFileView | undefined, private readonly credentials: CliFileView | undefined) {
    // A file the CLI rejects still contributes what was read before the error, so the state can
    // say what is there; the state engine reports the rejection itself as a problem.
    for (const section of config?.sections ?? []) {
      const name = configSectionProfile(section.name);
      // A later section replaces an earlier one of the same profile ([default] and [profile default]).
      if (name !== undefined) this.index.set(name, { config: section });
    }
    for (const section of credentials?.sections ?? []) {
      const entry = this.index.get(section.name);
      if (entry) entry.credentials = section;
      else this.index.set(section.name, { credentials: section });
    }
  }

  get size(): number {
    return this.index.size;
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  keys(): IterableIterator<string> {
    return this.index.keys();
  }

  get(name: string): ProfileEntry | undefined {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const src = this.index.get(name);
    if (!src) return undefined;
    const entry: ProfileEntry = { values: new Map(), origin: new Map(), sections: [] };
    for (const file of ['config', 'credentials'] as const) {
      const section = src[file];
      const view = file === 'config' ? this.config : this.credentials;
      if (!section || !view) continue;
      for (const [k, v] of sectionValues(view, section)) {
        entry.values.set(k, v);
        entry.origin.set(k, file);
      }
      entry.sections.push({ file, section });
    }
    this.cache.set(name, entry);
    return entry;
  }

  *[Symbol.iterator](): IterableIterator<[string, ProfileEntry]> {
    for (const name of this.index.keys()) yield [name, this.get(name)!];
  }
}

export function buildProfileMap(config: CliFileView | undefined, credentials: CliFileView | undefined): ProfileMap {
  return new ProfileMap(config, credentials);
}

export function stringValue(entry: ProfileEntry | undefined, key: string): string | undefined {
  const v = entry?.values.get(key);
  return typeof v === 'string' ? v : undefined;
}
