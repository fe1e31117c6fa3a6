// The profiles one file defines, in file order, indexed by name without a string per profile: a
// name is a range of the file's units (the section name, or its part after `profile `), found by
// hash; only names that need shell quoting rules become strings (and a name when it is read).
import type { CliFileView } from './cliView';
import type { CodeUnits } from './document';
import { LazySection } from './optionTable';
import { shlexSplit } from './pyText';
import { RangeIndex, unitsHash, unitsStartWith } from './rangeIndex';
import type { FileKind } from './profiles';

export class FileProfiles {
  /** The section of each profile (a later section of the same profile replaces the earlier one). */
  readonly sections: LazySection[] = [];
  private readonly units: CodeUnits | undefined;
  private readonly ranges: RangeIndex | undefined;
  /** Entry of each range id, and range id of each entry (-1 for a quoted name). */
  private readonly entryOfRange: number[] = [];
  private readonly rangeOf: number[] = [];
  /** Names shlex made (not a range of the file), and their entries. */
  private readonly quoted = new Map<string, number>();
  private readonly names: (string | undefined)[] = [];

  constructor(view: CliFileView | undefined, file: FileKind) {
    const sections = (view?.sections ?? []) as LazySection[];
    if (sections.length === 0) return;
    this.units = sections[0]!.doc.units;
    this.ranges = new RangeIndex(this.units, sections.length);
    for (const section of sections) {
      if (file === 'credentials') this.addRange(section, section.nameStart, section.nameEnd, section.nameHash);
      else this.addConfigSection(section);
    }
  }

  get size(): number {
    return this.sections.length;
  }

  find(name: string): number {
    const r = this.ranges?.findString(name) ?? -1;
    if (r >= 0) return this.entryOfRange[r]!;
    return this.quoted.get(name) ?? -1;
  }

  /** This file's entry for the profile that is entry `id` of another file, or -1. */
  findEntryOf(other: FileProfiles, id: number): number {
    const name = other.names[id];
    if (name !== undefined || !this.ranges || !other.ranges) return this.find(other.name(id));
    const r = other.rangeOfEntry(id);
    const found = this.ranges.find(other.ranges.hash(r), other.units!, other.ranges.start(r), other.ranges.end(r));
    if (found >= 0) return this.entryOfRange[found]!;
    return this.quoted.size > 0 ? this.quoted.get(other.name(id)) ?? -1 : -1;
  }

  name(id: number): string {
    return (this.names[id] ??= this.sliceName(id));
  }

  private sliceName(id: number): string {
    const r = this.rangeOfEntry(id);
    return this.sections[id]!.doc.slice(this.ranges!.start(r), this.ranges!.end(r));
  }

  private rangeOfEntry(id: number): number {
    return this.rangeOf[id]!;
  }

  private addConfigSection(section: LazySection): void {
    const u = this.units!;
    const { nameStart: from, nameEnd: to } = section;
    if (isDefaultProfile(u, from, to)) return this.addRange(section, from, to, section.nameHash);
    if (!startsWithProfile(u, from, to)) return;
    const simple = simpleProfileName(u, from, to);
    if (simple) return this.addRange(section, simple[0], simple[1], unitsHash(u, simple[0], simple[1]));
    // Most names need no shell quoting rules; shlex only for the rest.
    const parts = shlexSplit(section.name);
    if (parts?.length !== 2) return;
    const name = parts[1]!;
    const existing = this.find(name);
    if (existing >= 0) this.sections[existing] = section;
    else {
      this.quoted.set(name, this.sections.length);
      this.names.push(name);
      this.rangeOf.push(-1);
      this.sections.push(section);
    }
  }

  private addRange(section: LazySection, from: number, to: number, hash: number): void {
    const ranges = this.ranges!;
    let existing = ranges.find(hash, this.units!, from, to);
    if (existing >= 0) existing = this.entryOfRange[existing]!;
    else if (this.quoted.size > 0) existing = this.quoted.get(section.doc.slice(from, to)) ?? -1;
    if (existing >= 0) {
      this.sections[existing] = section;
      return;
    }
    this.rangeOf.push(ranges.add(hash, from, to));
    this.entryOfRange.push(this.sections.length);
    this.names.push(undefined);
    this.sections.push(section);
  }
}

const PROFILE = 'profile';

function startsWithProfile(u: CodeUnits, from: number, to: number): boolean {
  return to - from >= PROFILE.length && unitsStartWith(u, from, PROFILE);
}

function isDefaultProfile(u: CodeUnits, from: number, to: number): boolean {
  return to - from === 7 && unitsStartWith(u, from, 'default');
}

const isShlexBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;

/**
 * `profile NAME` where shlex has nothing to do: blanks after `profile`, then a name of ASCII
 * characters other than blanks, quotes and backslashes, then only blanks. Returns NAME's range.
 */
function simpleProfileName(u: CodeUnits, from: number, to: number): [number, number] | undefined {
  let i = from + PROFILE.length;
  while (i < to && isShlexBlank(u[i]!)) i++;
  if (i === from + PROFILE.length) return undefined;
  const start = i;
  for (; i < to; i++) {
    const c = u[i]!;
    if (c <= 0x20 || c > 0x7e || c === 0x22 || c === 0x27 || c === 0x5c) break;
  }
  const end = i;
  while (i < to && isShlexBlank(u[i]!)) i++;
  return end > start && i === to ? [start, end] : undefined;
}
