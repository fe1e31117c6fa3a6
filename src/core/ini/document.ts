// A lossless line model of an INI file: the text itself plus where each line starts and ends.
// Nothing is normalised, so any edit that splices whole lines leaves every other byte as it was.
// Line breaks are \n, \r\n and a lone \r, as Python's universal newlines (the AWS CLI) sees them.

export interface IniDocument {
  readonly text: string;
  /** Number of lines; a final line without a line break counts, an empty tail does not. */
  readonly lineCount: number;
  /** Offset where line i starts. */
  readonly starts: Uint32Array;
  /** Offset where line i's content ends (its line break, if any, follows). */
  readonly ends: Uint32Array;
}

export function parseDocument(text: string): IniDocument {
  let cap = 1024;
  let starts = new Uint32Array(cap);
  let ends = new Uint32Array(cap);
  let n = 0;
  let pos = 0;
  const len = text.length;
  // Where the next \r is; looked up again only once passed, so a file without \r stays linear.
  let nextCr = text.indexOf('\r');
  if (nextCr < 0) nextCr = len;
  while (pos < len) {
    if (n === cap) {
      cap *= 2;
      const s2 = new Uint32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Uint32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    // indexOf is native and much faster than a per-character loop on large files.
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = len;
    if (nextCr < pos) {
      nextCr = text.indexOf('\r', pos);
      if (nextCr < 0) nextCr = len;
    }
    const cr = nextCr;
    starts[n] = pos;
    if (cr < nl) {
      ends[n] = cr;
      pos = cr + 1 === nl ? nl + 1 : cr + 1;
    } else {
      ends[n] = nl;
      pos = nl + 1;
    }
    n++;
  }
  return { text, lineCount: n, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The line break the file mostly uses, so inserted lines match their neighbours. */
export function dominantEol(doc: IniDocument): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const limit = Math.min(doc.lineCount, 200);
  for (let i = 0; i < limit; i++) {
    const e = doc.ends[i]!;
    if (e >= doc.text.length) break;
    if (doc.text.charCodeAt(e) === 0x0d) {
      if (doc.text.charCodeAt(e + 1) === 0x0a) crlf++;
      else cr++;
    } else lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/** Offset just past line i's line break (the start of line i + 1, or the end of the text). */
export function lineEndWithBreak(doc: IniDocument, i: number): number {
  return i + 1 < doc.lineCount ? doc.starts[i + 1]! : doc.text.length;
}
