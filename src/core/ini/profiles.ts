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

/** The profile a config-file section defines, or undefined when the CLI ignores it as a profile. */
export function configSectionProfile(name: string): string | undefined {
  if (name.startsWith('profile')) {
    const parts = shlexSplit(name);
    return parts && parts.length === 2 ? parts[1] : undefined;
  }
  return name === 'default' ? 'default' : undefined;
}

export function buildProfileMap(config: CliFileView | undefined, credentials: CliFileView | undefined): Map<string, ProfileEntry> {
  const profiles = new Map<string, ProfileEntry>();
  // A file the CLI rejects still contributes what was read before the error, so the state can
  // say what is there; the state engine reports the rejection itself as a problem.
  if (config) {
    for (const section of config.sections) {
      const name = configSectionProfile(section.name);
      if (name === undefined) continue;
      const values = sectionValues(config, section);
      // A later section replaces an earlier one of the same profile ([default] and [profile default]).
      const origin = new Map<string, FileKind>();
      for (const k of values.keys()) origin.set(k, 'config');
      profiles.set(name, { values, origin, sections: [{ file: 'config', section }] });
    }
  }
  if (credentials) {
    for (const section of credentials.sections) {
      const values = sectionValues(credentials, section);
      let entry = profiles.get(section.name);
      if (!entry) {
        entry = { values: new Map(), origin: new Map(), sections: [] };
        profiles.set(section.name, entry);
      }
      for (const [k, v] of values) {
        entry.values.set(k, v);
        entry.origin.set(k, 'credentials');
      }
      entry.sections.push({ file: 'credentials', section });
    }
  }
  return profiles;
}

export function stringValue(entry: ProfileEntry | undefined, key: string): string | undefined {
  const v = entry?.values.get(key);
  return typeof v === 'string' ? v : undefined;
}
