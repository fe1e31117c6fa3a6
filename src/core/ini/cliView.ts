// What the AWS CLI sees in a file: Python's configparser.RawConfigParser._read followed by
// botocore's raw_config_parse (one level of indented nested blocks). Every rule here mirrors
// that code, and test/unit/differential.test.ts checks it against the CLI's own Python.
import { IniDocument } from './document';
import { pySplitLines, pyStripEnd, pyStripStart } from './pyText';
import { hasKey, keyHash, LazySection, optionMap, OptionTable, rawValue } from './optionTable';

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

export function parseCliView(doc: IniDocument): CliFileView {
  const text = doc.text;
  const table = new OptionTable(doc.lineCount);
  const sections: LazySection[] = [];
  const byName = new Set<string>();
  // configparser raises duplicate and header errors at once, but collects invalid lines and
  // raises them at the end; either way the CLI rejects the whole file.
  let error: CliParseError | undefined;
  let inSection = false;
  let inDefaults = false;
  let curSection: LazySection | undefined;
  let curName = '';
  let sectionOptFrom = 0;
  const defaultsRanges: [number, number][] = [];
  let opt = -1; // the option that continuation lines extend
  let indentLevel = 0;
  const materialize = (from: number, to: number): Map<string, CliOption> => optionMap(doc, table, from, to);

  for (let i = 0; i < doc.lineCount; i++) {
    const s = doc.starts[i]!;
    const e = doc.ends[i]!;
    const first = pyStripStart(text, s, e);
    const end = pyStripEnd(text, first, e);
    const fc = text.charCodeAt(first);
    if (first >= end || fc === 0x23 || fc === 0x3b) continue; // blank or comment: part of any open value
    const indent = first - s;
    if (opt >= 0 && indent > indentLevel) {
      table.lastLine[opt] = i;
      continue;
    }
    indentLevel = indent;
    if (fc === 0x5b /* [ */) {
      let close = end - 1;
      while (close > first && text.charCodeAt(close) !== 0x5d /* ] */) close--;
      if (close >= first + 2) {
        // Close the previous section (inline: a closure here would slow every line of the loop).
        if (curSection) {
          curSection.endLine = i;
          curSection.optTo = table.n;
        }
        if (inDefaults) defaultsRanges.push([sectionOptFrom, table.n]);
        opt = -1;
        const name = text.slice(first + 1, close);
        curName = name;
        inSection = true;
        inDefaults = false;
        curSection = undefined;
        if (name === DEFAULT_SECTION) inDefaults = true;
        else if (byName.has(name)) {
          error = { code: 'duplicate-section', line: i, section: name };
          break;
        } else {
          byName.add(name);
          curSection = new LazySection(name, i, doc.lineCount, table.n, table.n, materialize);
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
    const delim = firstDelimiter(text, first, end);
    if (delim < 0 || delim === first) {
      error ??= { code: 'invalid-line', line: i, section: curName };
      continue;
    }
    const keyEnd = pyStripEnd(text, first, delim);
    const hash = keyHash(text, first, keyEnd);
    if (hasKey(text, table, sectionOptFrom, hash, first, keyEnd)) {
      error = { code: 'duplicate-option', line: i, section: curName };
      break;
    }
    opt = table.add(i, first, keyEnd, pyStripStart(text, delim + 1, end), hash);
  }
  if (curSection) {
    curSection.optTo = table.n;
    if (!error || error.code === 'invalid-line') curSection.endLine = doc.lineCount;
  }
  if (inDefaults) defaultsRanges.push([sectionOptFrom, table.n]);
  const defaults = new Map<string, CliOption>();
  for (const [from, to] of defaultsRanges) for (const [k, o] of optionMap(doc, table, from, to)) defaults.set(k, o);
  error ??= findBadNestedBlock(doc, table, sections.length > 0);
  return error ? { sections, defaults, error } : { sections, defaults };
}

/** botocore parses every indented block of every section and rejects the file if one has no '='. */
function findBadNestedBlock(doc: IniDocument, table: OptionTable, anySection: boolean): CliParseError | undefined {
  if (!anySection) return undefined;
  for (let j = 0; j < table.n; j++) {
    // Only an empty first value with continuation lines becomes a nested block.
    const line = table.line[j]!;
    if (table.lastLine[j] === line || pyStripEnd(doc.text, table.valStart[j], doc.ends[line]) > table.valStart[j]!) continue;
    if (cliValue(rawValue(doc, table, j)) === undefined) return { code: 'invalid-nested-block', line: table.line[j]! };
  }
  return undefined;
}

function firstDelimiter(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x3d /* = */ || c === 0x3a /* : */) return k;
  }
  return -1;
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

