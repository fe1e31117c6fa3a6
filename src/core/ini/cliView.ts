// What the AWS CLI sees in a file: Python's configparser.RawConfigParser._read followed by
// botocore's raw_config_parse (one level of indented nested blocks). Every rule here mirrors
// that code, and test/unit/differential.test.ts checks it against the CLI's own Python.
import { CodeUnits, findLineEnd, IniDocument, LineTable, nextLineStart } from './document';
import { isPySpace, isSplitLinesBreak, pySplitLines, pyStripEnd, pyStripStart, unitsStripEnd, unitsStripStart } from './pyText';
import { hasKey, keyHash, LazySection, optionMap, OptionTable, rawValue } from './optionTable';
import { HASH_PRIME, HASH_SEED, RangeIndex, unitsHash, unitsStartWith } from './rangeIndex';

export type CliParseErrorCode =
  | 'duplicate-section'
  | 'duplicate-option'
  | 'missing-section-header'
  | 'invalid-line'
  | 'invalid-nested-block'
  | 'invalid-utf8';

export interface CliParseError {
  code: CliParseErrorCode;
  /** 0-based line of the first offending line (-1 when not tied to a line). */
  line: number;
  section?: string;
}

export type CliValue = string | Record<string, string>;

export interface CliOption {
  /** Lower-cased, as the CLI looks it up. */
  key: string;
  /** First line (the `key = value` line) and last line of the option, continuation included. */
  line: number;
  lastLine: number;
  /** Joined raw value before nested parsing (configparser's string). */
  raw: string;
}

export interface CliSection {
  /** The header text between the brackets, exactly as configparser keeps it. */
  name: string;
  headerLine: number;
  /** Line after the section's last line. */
  endLine: number;
  options: Map<string, CliOption>;
}

export interface CliFileView {
  sections: CliSection[];
  /** Options of a `[DEFAULT]` section, which configparser adds to every section. */
  defaults: Map<string, CliOption>;
  /** Set when the CLI refuses the whole file ("Unable to parse config file"). */
  error?: CliParseError;
}

const DEFAULT_SECTION = 'DEFAULT';

function isDefaultSection(u: CodeUnits, from: number, to: number): boolean {
  return to - from === DEFAULT_SECTION.length && unitsStartWith(u, from, DEFAULT_SECTION);
}

/**
 * configparser's pass, fused with splitting the lines: each line is found (native indexOf), classified
 * from its first code unit, and only keys are read unit by unit; values stay unread until asked for.
 */
export function parseCliView(doc: IniDocument): CliFileView {
  const u = doc.units;
  const len = u.length;
  const lines = new LineTable(len);
  const cr = { at: -1 };
  const table = new OptionTable(len >>> 5);
  const sections: LazySection[] = [];
  const byName = new RangeIndex(u);
  // configparser raises duplicate and header errors at once, but collects invalid lines and
  // raises them at the end; either way the CLI rejects the whole file.
  let error: CliParseError | undefined;
  let inSection = false;
  let inDefaults = false;
  let curSection: LazySection | undefined;
  let curNameFrom = 0; // where the current section's name is
  let curNameTo = 0;
  let sectionOptFrom = 0;
  const defaultsRanges: [number, number][] = [];
  let opt = -1; // the option that continuation lines extend
  let indentLevel = 0;

  let pos = 0;
  while (pos < len) {
    const s = pos;
    let first = s;
    let fc = u[first]!;
    while (first < len && fc !== 0x0a && fc !== 0x0d && isPySpace(fc)) fc = u[++first]!;
    const blank = first === len || fc === 0x0a || fc === 0x0d;
    const e = blank ? first : findLineEnd(u, first, cr);
    const i = lines.push(s, e);
    pos = nextLineStart(u, e);
    if (blank || fc === 0x23 || fc === 0x3b) continue; // blank or comment: part of any open value
    const end = unitsStripEnd(u, first, e);
    const indent = first - s;
    if (opt >= 0 && indent > indentLevel) {
      table.lastLine[opt] = i;
      continue;
    }
    indentLevel = indent;
    if (fc === 0x5b /* [ */) {
      let close = end - 1;
      while (close > first && u[close] !== 0x5d /* ] */) close--;
      if (close >= first + 2) {
        // Close the previous section (inline: a closure here would slow every line of the loop).
        if (curSection) {
          curSection.endLine = i;
          curSection.optTo = table.n;
        }
        if (inDefaults) defaultsRanges.push([sectionOptFrom, table.n]);
        opt = -1;
        const hash = unitsHash(u, first + 1, close);
        curNameFrom = first + 1;
        curNameTo = close;
        inSection = true;
        inDefaults = false;
        curSection = undefined;
        if (isDefaultSection(u, first + 1, close)) inDefaults = true;
        else if (byName.find(hash, u, first + 1, close) >= 0) {
          error = { code: 'duplicate-section', line: i, section: doc.slice(first + 1, close) };
          break;
        } else {
          byName.add(hash, first + 1, close);
          curSection = new LazySection(doc, table, first + 1, close, hash, i, table.n);
          sections.push(curSection);
        }
        sectionOptFrom = table.n;
        continue;
      }
    }
    if (!inSection) {
      error = { code: 'missing-section-header', line: i };
      break;
    }
    // The first '=' or ':', hashing the lower-cased key on the way (up to its last non-space unit).
    let k = first;
    let h = HASH_SEED;
    let keyHashed = HASH_SEED;
    let keyEnd = first;
    let ascii = true;
    for (; k < end; k++) {
      let c = u[k]!;
      if (c === 0x3d /* = */ || c === 0x3a /* : */) break;
      if (c >= 0x41 && c <= 0x5a) c += 32;
      else if (c > 0x7f) ascii = false;
      h = Math.imul(h ^ c, HASH_PRIME);
      if (!isPySpace(c)) {
        keyHashed = h;
        keyEnd = k + 1;
      }
    }
    if (k === end || k === first) {
      error ??= { code: 'invalid-line', line: i, section: doc.slice(curNameFrom, curNameTo) };
      continue;
    }
    const hash = ascii ? keyHashed : keyHash(doc.slice(first, keyEnd));
    if (hasKey(doc, table, sectionOptFrom, hash, first, keyEnd)) {
      error = { code: 'duplicate-option', line: i, section: doc.slice(curNameFrom, curNameTo) };
      break;
    }
    opt = table.add(i, first, keyEnd, unitsStripStart(u, k + 1, end), hash);
  }
  // After a fatal error the rest is still split into lines: the document covers the whole file.
  while (pos < len) {
    const e = findLineEnd(u, pos, cr);
    lines.push(pos, e);
    pos = nextLineStart(u, e);
  }
  doc.adoptLines(lines);
  if (curSection) {
    curSection.optTo = table.n;
    curSection.endLine = lines.n;
  }
  if (inDefaults) defaultsRanges.push([sectionOptFrom, table.n]);
  const defaults = new Map<string, CliOption>();
  for (const [from, to] of defaultsRanges) for (const [key, o] of optionMap(doc, table, from, to)) defaults.set(key, o);
  error ??= findBadNestedBlock(doc, table, sections.length > 0);
  return error ? { sections, defaults, error } : { sections, defaults };
}

/** botocore parses every indented block of every section and rejects the file if one has no '='. */
function findBadNestedBlock(doc: IniDocument, table: OptionTable, anySection: boolean): CliParseError | undefined {
  if (!anySection) return undefined;
  const u = doc.units;
  for (let j = 0; j < table.n; j++) {
    // Only an empty first value with continuation lines becomes a nested block.
    const line = table.line[j]!;
    if (table.lastLine[j] === line || unitsStripEnd(u, table.valStart[j]!, doc.ends[line]!) > table.valStart[j]!) continue;
    if (!nestedBlockParses(doc, table, j)) return { code: 'invalid-nested-block', line };
  }
  return undefined;
}

/** cliValue(rawValue(...)) !== undefined, without building the value unless a line holds a line break of its own. */
function nestedBlockParses(doc: IniDocument, table: OptionTable, j: number): boolean {
  const u = doc.units;
  for (let i = table.line[j]! + 1; i <= table.lastLine[j]!; i++) {
    const a = unitsStripStart(u, doc.starts[i]!, doc.ends[i]!);
    const b = unitsStripEnd(u, a, doc.ends[i]!);
    if (a >= b || u[a] === 0x23 || u[a] === 0x3b) continue; // blank or comment: no line of the block
    let eq = false;
    for (let k = a; k < b; k++) {
      const c = u[k]!;
      if (c === 0x3d) eq = true;
      else if (isSplitLinesBreak(c)) return cliValue(rawValue(doc, table, j)) !== undefined;
    }
    if (!eq) return false;
  }
  return true;
}

/** The value botocore returns for an option: a nested block becomes a small map. */
export function cliValue(raw: string): CliValue | undefined {
  if (!raw.startsWith('\n')) return raw;
  const nested: Record<string, string> = {};
  for (const l of pySplitLines(raw)) {
    const line = trimPy(l);
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq < 0) return undefined; // botocore: ConfigParseError
    nested[trimPy(line.slice(0, eq))] = trimPy(line.slice(eq + 1));
  }
  return nested;
}

function trimPy(s: string): string {
  const a = pyStripStart(s);
  return s.slice(a, pyStripEnd(s, a));
}

/** Every option of a section as botocore's raw_config_parse returns it ([DEFAULT] merged in). */
export function sectionValues(view: CliFileView, section: CliSection): Map<string, CliValue> {
  const out = new Map<string, CliValue>();
  for (const source of [section.options, view.defaults]) {
    for (const [key, o] of source) {
      if (!out.has(key)) out.set(key, cliValue(o.raw) ?? o.raw);
    }
  }
  return out;
}

