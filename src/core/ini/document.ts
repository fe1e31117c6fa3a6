// A lossless line model of an INI file: the text itself plus where each line starts and ends.
// Nothing is normalised, so any edit that splices whole lines leaves every other byte as it was.
// Line breaks are \n, \r\n and a lone \r, as Python's universal newlines (the AWS CLI) sees them.
//
// The parser reads code units, not the string: an ASCII file (nearly every AWS file) is scanned as
// its bytes, which are its UTF-16 code units too, so offsets are the same either way. Reading a
// large string char by char is several times slower than reading a Buffer, and a file read as
// bytes need not be decoded at all: only the names and values that are asked for become strings.
import { isAscii } from 'node:buffer';

/** One code unit per character offset: the bytes of an ASCII text, else its UTF-16 code units. */
export type CodeUnits = Buffer | Uint16Array;

export class IniDocument {
  private textCache: string | undefined;
  private lines: { n: number; starts: Uint32Array; ends: Uint32Array } | undefined;

  constructor(readonly units: CodeUnits, text?: string) {
    this.textCache = text;
  }

  get text(): string {
    // Only ASCII bytes come without their text, so latin1 decodes them exactly.
    return (this.textCache ??= (this.units as Buffer).toString('latin1'));
  }

  /** Number of lines; a final line without a line break counts, an empty tail does not. */
  get lineCount(): number {
    return (this.lines ??= splitLines(this.units)).n;
  }

  /** Offset where line i starts. */
  get starts(): Uint32Array {
    return (this.lines ??= splitLines(this.units)).starts;
  }

  /** Offset where line i's content ends (its line break, if any, follows). */
  get ends(): Uint32Array {
    return (this.lines ??= splitLines(this.units)).ends;
  }

  /** Text between two offsets, decoding only that part when the document came as bytes. */
  slice(from: number, to: number): string {
    if (this.textCache !== undefined) return this.textCache.slice(from, to);
    return from < to ? (this.units as Buffer).toString('latin1', from, to) : '';
  }

  /** The line table found by a pass that splits lines itself (parseCliView); same rules as splitLines. */
  adoptLines(lines: LineTable): void {
    this.lines ??= { n: lines.n, starts: lines.starts.subarray(0, lines.n), ends: lines.ends.subarray(0, lines.n) };
  }
}

/**
 * The document of a file's text or its bytes. Bytes are expected to be UTF-8 (callers that must
 * refuse anything else check first, as readStable does); ASCII is scanned as it is, without decoding.
 */
export function parseDocument(input: string | Uint8Array): IniDocument {
  if (typeof input !== 'string') {
    const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.length);
    if (isAscii(bytes)) return new IniDocument(bytes);
    return fromString(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  }
  return fromString(input);
}

function fromString(text: string): IniDocument {
  // One byte per character exactly when every character is ASCII.
  if (Buffer.byteLength(text, 'utf8') === text.length) return new IniDocument(Buffer.from(text, 'latin1'), text);
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return new IniDocument(units, text);
}

/** Growable line offsets, shared by the line splitter and the fused configparser pass. */
export class LineTable {
  n = 0;
  starts: Uint32Array;
  ends: Uint32Array;
  constructor(units: number) {
    // Real files average 20–40 characters a line; start near that and double when needed.
    const cap = Math.max(64, units >>> 4);
    this.starts = new Uint32Array(cap);
    this.ends = new Uint32Array(cap);
  }

  push(start: number, end: number): number {
    if (this.n === this.starts.length) {
      const s2 = new Uint32Array(this.n * 2);
      s2.set(this.starts);
      this.starts = s2;
      const e2 = new Uint32Array(this.n * 2);
      e2.set(this.ends);
      this.ends = e2;
    }
    this.starts[this.n] = start;
    this.ends[this.n] = end;
    return this.n++;
  }
}

/**
 * Where the line that contains `from` ends: the next \n or \r (or the end). `cr` is the next \r at
 * or after some earlier point, found again only once passed, so a file without \r stays linear.
 */
export function findLineEnd(u: CodeUnits, from: number, cr: { at: number }): number {
  let nl = u.indexOf(0x0a, from);
  if (nl < 0) nl = u.length;
  if (cr.at < from) {
    cr.at = u.indexOf(0x0d, from);
    if (cr.at < 0) cr.at = u.length;
  }
  return cr.at < nl ? cr.at : nl;
}

/** Start of the line after a line that ends at `end` (past \n, \r or \r\n). */
export function nextLineStart(u: CodeUnits, end: number): number {
  return u[end] === 0x0d && u[end + 1] === 0x0a ? end + 2 : end + 1;
}

function splitLines(u: CodeUnits): { n: number; starts: Uint32Array; ends: Uint32Array } {
  const lines = new LineTable(u.length);
  const cr = { at: -1 };
  for (let pos = 0; pos < u.length; ) {
    const end = findLineEnd(u, pos, cr);
    lines.push(pos, end);
    pos = nextLineStart(u, end);
  }
  return { n: lines.n, starts: lines.starts.subarray(0, lines.n), ends: lines.ends.subarray(0, lines.n) };
}

/** The line break the file mostly uses, so inserted lines match their neighbours. */
export function dominantEol(doc: IniDocument): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const limit = Math.min(doc.lineCount, 200);
  const u = doc.units;
  for (let i = 0; i < limit; i++) {
    const e = doc.ends[i]!;
    if (e >= u.length) break;
    if (u[e] === 0x0d) {
      if (u[e + 1] === 0x0a) crlf++;
      else cr++;
    } else lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** Offset just past line i's line break (the start of line i + 1, or the end of the text). */
export function lineEndWithBreak(doc: IniDocument, i: number): number {
  return i + 1 < doc.lineCount ? doc.starts[i + 1]! : doc.units.length;
}
