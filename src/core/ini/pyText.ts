// Python's notion of white space and line breaks, which the AWS CLI's parser (configparser) uses.
// JavaScript's trim() differs (it strips U+FEFF, keeps U+001C–U+001F and U+0085), and a single
// differing character would make us report a value the CLI does not see.

/** True for the characters Python 3's str.isspace() (and re's \s) accept. */
export function isPySpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

export function pyStripStart(s: string, from = 0, to = s.length): number {
  let i = from;
  while (i < to && isPySpace(s.charCodeAt(i))) i++;
  return i;
}

export function pyStripEnd(s: string, from = 0, to = s.length): number {
  let j = to;
  while (j > from && isPySpace(s.charCodeAt(j - 1))) j--;
  return j;
}

/** pyStripStart over code units (a document's bytes or UTF-16 units), so no string is made. */
export function unitsStripStart(u: Uint8Array | Uint16Array, from: number, to: number): number {
  let i = from;
  while (i < to && isPySpace(u[i]!)) i++;
  return i;
}

export function unitsStripEnd(u: Uint8Array | Uint16Array, from: number, to: number): number {
  let j = to;
  while (j > from && isPySpace(u[j - 1]!)) j--;
  return j;
}

/** True for the characters Python's str.splitlines() breaks at. */
export function isSplitLinesBreak(c: number): boolean {
  return (
    c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0x1c || c === 0x1d ||
    c === 0x1e || c === 0x85 || c === 0x2028 || c === 0x2029
  );
}

/** Python's str.splitlines() without keepends. */
export function pySplitLines(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSplitLinesBreak(c)) continue;
    out.push(s.slice(start, i));
    if (c === 0x0d && s.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  if (start < s.length) out.push(s.slice(start));
  return out;
}

/** Python's shlex.split (POSIX mode, no comments); undefined where Python raises ValueError. */
export function shlexSplit(s: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word = (word ?? '') + s.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let buf = '';
      let j = i + 1;
      for (; j < s.length && s[j] !== '"'; j++) {
        if (s[j] === '\\' && j + 1 < s.length && (s[j + 1] === '"' || s[j + 1] === '\\')) j++;
        buf += s[j];
      }
      if (j >= s.length) return undefined;
      word = (word ?? '') + buf;
      i = j;
    } else if (ch === '\\') {
      if (i + 1 >= s.length) return undefined;
      i++;
      word = (word ?? '') + s[i];
    } else if (' \t\r\n'.includes(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
