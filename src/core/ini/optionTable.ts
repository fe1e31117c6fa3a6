// The option table behind parseCliView: options in flat typed arrays (no object per option during
// the single pass), keys hashed lower-cased without allocating, sections whose option maps are built
// on first use, and configparser's joined values computed only when asked for.
import type { CliOption, CliSection } from './cliView';
import { IniDocument } from './document';
import { pyStripEnd, unitsStripEnd, unitsStripStart } from './pyText';
import { stringHash } from './rangeIndex';

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
    if (this.n === this.line.length) this.grow();
    const i = this.n++;
    this.line[i] = line;
    this.lastLine[i] = line;
    this.keyStart[i] = keyStart;
    this.keyEnd[i] = keyEnd;
    this.valStart[i] = valStart;
    this.hash[i] = hash;
    return i;
  }

  private grow(): void {
    const twice = <T extends Uint32Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.line = twice(this.line);
    this.lastLine = twice(this.lastLine);
    this.keyStart = twice(this.keyStart);
    this.keyEnd = twice(this.keyEnd);
    this.valStart = twice(this.valStart);
    this.hash = twice(this.hash);
  }
}

/** Hash of a key that is not ASCII: lower-cased as a string first (for ASCII the same as parseCliView's inline hash). */
export function keyHash(key: string): number {
  return stringHash(key.toLowerCase());
}

/** A section whose name and option map are made from the document when first asked for. */
export class LazySection implements CliSection {
  private map: Map<string, CliOption> | undefined;
  private nameText: string | undefined;
  endLine = -1;
  optTo: number;
  constructor(
    readonly doc: IniDocument,
    private readonly table: OptionTable,
    /** Where the name is in the document's units, and unitsHash of it. */
    readonly nameStart: number,
    readonly nameEnd: number,
    readonly nameHash: number,
    readonly headerLine: number,
    readonly optFrom: number,
  ) {
    this.optTo = optFrom;
  }

  get name(): string {
    return (this.nameText ??= this.doc.slice(this.nameStart, this.nameEnd));
  }

  get options(): Map<string, CliOption> {
    return (this.map ??= optionMap(this.doc, this.table, this.optFrom, this.optTo));
  }
}

/** Is this key already in the current section (options from `from` on)? Hash first, text on a match. */
export function hasKey(doc: IniDocument, table: OptionTable, from: number, hash: number, ks: number, ke: number): boolean {
  for (let j = from; j < table.n; j++) {
    if (table.hash[j] !== hash) continue;
    const other = doc.slice(table.keyStart[j]!, table.keyEnd[j]!).toLowerCase();
    if (other === doc.slice(ks, ke).toLowerCase()) return true;
  }
  return false;
}

export function optionMap(doc: IniDocument, table: OptionTable, from: number, to: number): Map<string, CliOption> {
  const map = new Map<string, CliOption>();
  for (let j = from; j < to; j++) {
    const key = doc.slice(table.keyStart[j]!, table.keyEnd[j]!).toLowerCase();
    map.set(key, { key, line: table.line[j]!, lastLine: table.lastLine[j]!, raw: rawValue(doc, table, j) });
  }
  return map;
}

/** configparser's joined value: the first line's value, then continuation lines (blank ones as ''). */
export function rawValue(doc: IniDocument, table: OptionTable, j: number): string {
  const u = doc.units;
  const line = table.line[j]!;
  const last = table.lastLine[j]!;
  const firstValue = doc.slice(table.valStart[j]!, unitsStripEnd(u, table.valStart[j]!, doc.ends[line]!));
  if (last === line) return firstValue;
  const parts = [firstValue];
  for (let i = line + 1; i <= last; i++) {
    const a = unitsStripStart(u, doc.starts[i]!, doc.ends[i]!);
    const b = unitsStripEnd(u, a, doc.ends[i]!);
    if (a >= b) parts.push('');
    else if (u[a] !== 0x23 && u[a] !== 0x3b) parts.push(doc.slice(a, b));
  }
  return joinValue(parts);
}

/** configparser's _join_multiline_values: '\n'.join(parts).rstrip(). */
function joinValue(parts: string[]): string {
  const joined = parts.length === 1 ? parts[0]! : parts.join('\n');
  return joined.slice(0, pyStripEnd(joined));
}
