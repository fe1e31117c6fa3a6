// The option table behind parseCliView: options in flat typed arrays (no object per option during
// the single pass), keys hashed lower-cased without allocating, sections whose option maps are built
// on first use, and configparser's joined values computed only when asked for.
import type { CliOption, CliSection } from './cliView';
import { IniDocument } from './document';
import { pyStripEnd, pyStripStart } from './pyText';

/**
 * Options are kept in flat typed arrays during the single pass (no object per option), and each
 * section's `options` map is built on first use: resolving one profile of 50,000 touches one section.
 */
export class OptionTable {
  n = 0;
  line: Uint32Array;
  lastLine: Uint32Array;
  keyStart: Uint32Array;
  keyEnd: Uint32Array;
  valStart: Uint32Array;
  hash: Int32Array;

  /** A file has at most one option per line, so sizing by lines means the table never grows. */
  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.line = new Uint32Array(n);
    this.lastLine = new Uint32Array(n);
    this.keyStart = new Uint32Array(n);
    this.keyEnd = new Uint32Array(n);
    this.valStart = new Uint32Array(n);
    this.hash = new Int32Array(n);
  }

  add(line: number, keyStart: number, keyEnd: number, valStart: number, hash: number): number {
    const i = this.n++;
    this.line[i] = line;
    this.lastLine[i] = line;
    this.keyStart[i] = keyStart;
    this.keyEnd[i] = keyEnd;
    this.valStart[i] = valStart;
    this.hash[i] = hash;
    return i;
  }

}

/** Hash of the lower-cased key, computed without allocating (non-ASCII keys go through toLowerCase). */
export function keyHash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = from; k < to; k++) {
    let c = text.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    else if (c > 0x7f) return stringHash(text.slice(from, to).toLowerCase());
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

function stringHash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/** A section whose option map is built from the option table when first asked for. */
export class LazySection implements CliSection {
  private map: Map<string, CliOption> | undefined;
  constructor(
    readonly name: string,
    readonly headerLine: number,
    public endLine: number,
    readonly optFrom: number,
    public optTo: number,
    private readonly materialize: (from: number, to: number) => Map<string, CliOption>,
  ) {}

  get options(): Map<string, CliOption> {
    return (this.map ??= this.materialize(this.optFrom, this.optTo));
  }
}

/** Is this key already in the current section (options from `from` on)? Hash first, text on a match. */
export function hasKey(text: string, table: OptionTable, from: number, hash: number, ks: number, ke: number): boolean {
  for (let j = from; j < table.n; j++) {
    if (table.hash[j] !== hash) continue;
    const other = text.slice(table.keyStart[j], table.keyEnd[j]).toLowerCase();
    if (other === text.slice(ks, ke).toLowerCase()) return true;
  }
  return false;
}

export function optionMap(doc: IniDocument, table: OptionTable, from: number, to: number): Map<string, CliOption> {
  const map = new Map<string, CliOption>();
  for (let j = from; j < to; j++) {
    const key = doc.text.slice(table.keyStart[j], table.keyEnd[j]).toLowerCase();
    map.set(key, { key, line: table.line[j]!, lastLine: table.lastLine[j]!, raw: rawValue(doc, table, j) });
  }
  return map;
}

/** configparser's joined value: the first line's value, then continuation lines (blank ones as ''). */
export function rawValue(doc: IniDocument, table: OptionTable, j: number): string {
  const text = doc.text;
  const line = table.line[j]!;
  const last = table.lastLine[j]!;
  const firstValue = text.slice(table.valStart[j], pyStripEnd(text, table.valStart[j], doc.ends[line]));
  if (last === line) return firstValue;
  const parts = [firstValue];
  for (let i = line + 1; i <= last; i++) {
    const a = pyStripStart(text, doc.starts[i], doc.ends[i]);
    const b = pyStripEnd(text, a, doc.ends[i]);
    if (a >= b) parts.push('');
    else if (text.charCodeAt(a) !== 0x23 && text.charCodeAt(a) !== 0x3b) parts.push(text.slice(a, b));
  }
  return joinValue(parts);
}

/** configparser's _join_multiline_values: '\n'.join(parts).rstrip(). */
function joinValue(parts: string[]): string {
  const joined = parts.length === 1 ? parts[0]! : parts.join('\n');
  return joined.slice(0, pyStripEnd(joined));
}

