// botocore's build_profile_map (config file) and the credentials-file merge of Session.full_config:
// which profile names exist and which keys each one has, as the AWS CLI will see them.
import { CliFileView, CliSection, CliValue, sectionValues } from './cliView';
import { FileProfiles } from './profileIndex';
import { shlexSplit } from './pyText';

export type FileKind = 'config' | 'credentials';

export interface ProfileEntry {
  values: Map<string, CliValue>;
  /** Where each key came from (the credentials file wins over the config file). */
  origin: Map<string, FileKind>;
  /** Sections that define this profile, for edits and "open at line". */
  sections: { file: FileKind; section: CliSection }[];
}

/** The profile a config-file section defines, or undefined when the CLI ignores it as a profile. */
export function configSectionProfile(name: string): string | undefined {
  if (name.startsWith('profile')) {
    const parts = shlexSplit(name);
    return parts && parts.length === 2 ? parts[1] : undefined;
  }
  return name === 'default' ? 'default' : undefined;
}

/**
 * botocore's profile map, built lazily: names are indexed in one pass over the section headers, and
 * a profile's keys are read only when it is asked for (a 50,000-profile config resolves one profile
 * without touching the others).
 */
export class ProfileMap implements Iterable<[string, ProfileEntry]> {
  // A file the CLI rejects still contributes what was read before the error, so the state can
  // say what is there; the state engine reports the rejection itself as a problem.
  private readonly inConfig: FileProfiles;
  private readonly inCredentials: FileProfiles;
  private credentialsOnly: number | undefined;
  private readonly cache = new Map<string, ProfileEntry>();
  private readonly views: Record<FileKind, CliFileView | undefined>;

  constructor(config: CliFileView | undefined, credentials: CliFileView | undefined) {
    this.views = { config, credentials };
    this.inConfig = new FileProfiles(config, 'config');
    this.inCredentials = new FileProfiles(credentials, 'credentials');
  }

  get size(): number {
    if (this.credentialsOnly === undefined) {
      this.credentialsOnly = 0;
      for (let id = 0; id < this.inCredentials.size; id++) if (this.inConfig.findEntryOf(this.inCredentials, id) < 0) this.credentialsOnly++;
    }
    return this.inConfig.size + this.credentialsOnly;
  }

  has(name: string): boolean {
    return this.inConfig.find(name) >= 0 || this.inCredentials.find(name) >= 0;
  }

  /** Names in the config file's order, then the names only the credentials file has. */
  *keys(): IterableIterator<string> {
    for (let id = 0; id < this.inConfig.size; id++) yield this.inConfig.name(id);
    for (let id = 0; id < this.inCredentials.size; id++) {
      if (this.inConfig.findEntryOf(this.inCredentials, id) < 0) yield this.inCredentials.name(id);
    }
  }

  get(name: string): ProfileEntry | undefined {
    const cached = this.cache.get(name);
    if (cached) return cached;
    if (!this.has(name)) return undefined;
    const entry: ProfileEntry = { values: new Map(), origin: new Map(), sections: [] };
    for (const file of ['config', 'credentials'] as const) {
      const profiles = file === 'config' ? this.inConfig : this.inCredentials;
      const section = profiles.sections[profiles.find(name)];
      const view = this.views[file];
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
    for (const name of this.keys()) yield [name, this.get(name)!];
  }
}

export function buildProfileMap(config: CliFileView | undefined, credentials: CliFileView | undefined): ProfileMap {
  return new ProfileMap(config, credentials);
}

export function stringValue(entry: ProfileEntry | undefined, key: string): string | undefined {
  const v = entry?.values.get(key);
  return typeof v === 'string' ? v : undefined;
}
