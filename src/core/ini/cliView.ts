// What the AWS CLI sees in a file: Python's configparser.RawConfigParser._read followed by
// botocore's raw_config_parse (one level of indented nested blocks). Every rule here mirrors
// that code, and test/unit/differential.test.ts checks it against the CLI's own Python.
import { IniDocument } from './document';
import { pySplitLines, pyStripEnd, pyStripStart } from './pyText';

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
  const sections: CliSection[] = [];
  const byName = new Map<string, CliSection>();
  const defaults = new Map<string, CliOption>();
  // configparser raises duplicate and header errors at once, but collects invalid lines and
  // raises them at the end; either way the CLI rejects the whole file.
  let error: CliParseError | undefined;
  let cur: Map<string, CliOption> | undefined;
  let curSection: CliSection | undefined;
  let curName = '';
  let opt: CliOption | undefined;
  let optParts: string[] = [];
  let indentLevel = 0;
  const finishOption = (): void => {
    if (opt) opt.raw = joinValue(optParts);
    opt = undefined;
    optParts = [];
  };

  for (let i = 0; i < doc.lineCount; i++) {
    const s = doc.starts[i]!;
    const e = doc.ends[i]!;
    const first = pyStripStart(text, s, e);
    const end = pyStripEnd(text, first, e);
    const fc = text.charCodeAt(first);
    const isComment = first < end && (fc === 0x23 || fc === 0x3b);
    if (first >= end || isComment) {
      // Blank lines stay inside a multi-line value (empty_lines_in_values); comment lines add nothing.
      if (!isComment && opt) optParts.push('');
      continue;
    }
    const indent = first - s;
    if (opt && indent > indentLevel) {
      optParts.push(text.slice(first, end));
      opt.lastLine = i;
      continue;
    }
    indentLevel = indent;
    if (fc === 0x5b /* [ */) {
      let close = end - 1;
      while (close > first && text.charCodeAt(close) !== 0x5d /* ] */) close--;
      if (close >= first + 2) {
        finishOption();
        if (curSection) curSection.endLine = i;
        const name = text.slice(first + 1, close);
        if (name === DEFAULT_SECTION) {
          cur = defaults;
          curSection = undefined;
        } else if (byName.has(name)) {
          error = { code: 'duplicate-section', line: i, section: name };
          break;
        } else {
          curSection = { name, headerLine: i, endLine: doc.lineCount, options: new Map() };
          sections.push(curSection);
          byName.set(name, curSection);
          cur = curSection.options;
        }
        curName = name;
        continue;
      }
    }
    if (!cur) {
      error = { code: 'missing-section-header', line: i };
      break;
    }
    const delim = firstDelimiter(text, first, end);
    if (delim < 0 || delim === first) {
      error ??= { code: 'invalid-line', line: i, section: curName };
      continue;
    }
    finishOption();
    const key = text.slice(first, pyStripEnd(text, first, delim)).toLowerCase();
    if (cur.has(key)) {
      error = { code: 'duplicate-option', line: i, section: curName };
      break;
    }
    const vStart = pyStripStart(text, delim + 1, end);
    opt = { key, line: i, lastLine: i, raw: '' };
    optParts = [text.slice(vStart, end)];
    cur.set(key, opt);
  }
  finishOption();
  error ??= findBadNestedBlock(sections, defaults);
  return error ? { sections, defaults, error } : { sections, defaults };
}

/** botocore parses every indented block of every section and rejects the file if one has no '='. */
function findBadNestedBlock(sections: CliSection[], defaults: Map<string, CliOption>): CliParseError | undefined {
  if (sections.length === 0) return undefined;
  for (const options of [...sections.map((s) => s.options), defaults]) {
    for (const o of options.values()) {
      if (cliValue(o.raw) === undefined) return { code: 'invalid-nested-block', line: o.line };
    }
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

/** configparser's _join_multiline_values: '\n'.join(parts).rstrip(). */
function joinValue(parts: string[]): string {
  const joined = parts.length === 1 ? parts[0]! : parts.join('\n');
  return joined.slice(0, pyStripEnd(joined));
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

