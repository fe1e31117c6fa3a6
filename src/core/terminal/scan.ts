// A streaming scanner for terminal output: strips CSI / OSC escape sequences (also when a chunk
// ends inside one), splits lines on \n, \r\n or \r, and keeps only the last AWS error seen.
// Memory is bounded: a partial line longer than MAX_LINE is cut, so hundreds of MB stream through.
import { AwsError, parseErrorLine } from './errors';

const MAX_LINE = 16 * 1024;
const TAIL_LINES = 8;
// A cheap pre-filter: every recognised error line contains one of these.
const HINT = /error|Exception|Denied|Failure|Expired|Invalid|Unrecognized|Unauthorized|Signature|Incomplete/;

type EscState = 'text' | 'esc' | 'csi' | 'osc' | 'osc-esc';

export class ErrorScanner {
  private line = '';
  private esc: EscState = 'text';
  private lastError: AwsError | undefined;
  private errors = 0;
  private readonly tail: string[] = [];

  feed(chunk: string): void {
    let start = 0;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (this.esc !== 'text') {
        this.stepEscape(c);
        start = i + 1;
        continue;
      }
      if (c === 0x1b || c === 0x9b || c === 0x9d) {
        this.append(chunk, start, i);
        this.esc = c === 0x1b ? 'esc' : c === 0x9b ? 'csi' : 'osc';
        start = i + 1;
      } else if (c === 0x0a || c === 0x0d) {
        this.append(chunk, start, i);
        this.endLine();
        start = i + 1;
      }
    }
    if (this.esc === 'text') this.append(chunk, start, n);
  }

  /** Call at the end of the output; returns the last error found. */
  finish(): AwsError | undefined {
    this.endLine();
    return this.lastError;
  }

  get errorCount(): number {
    return this.errors;
  }

  /** The last non-blank lines of plain text seen (escapes stripped), oldest first. */
  get lastLines(): readonly string[] {
    return this.tail;
  }

  private append(chunk: string, from: number, to: number): void {
    if (to <= from || this.line.length >= MAX_LINE) return;
    this.line += chunk.slice(from, Math.min(to, from + MAX_LINE - this.line.length));
  }

  private endLine(): void {
    const line = this.line;
    this.line = '';
    if (line.trim()) {
      this.tail.push(line.length > 512 ? line.slice(0, 512) : line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
    }
    if (line.length < 12 || !HINT.test(line)) return;
    const e = parseErrorLine(line);
    if (e) {
      this.lastError = e;
      this.errors++;
    }
  }

  private stepEscape(c: number): void {
    switch (this.esc) {
      case 'esc':
        this.esc = c === 0x5b ? 'csi' : c === 0x5d ? 'osc' : 'text';
        break;
      case 'csi':
        if (c >= 0x40 && c <= 0x7e) this.esc = 'text'; // final byte
        break;
      case 'osc':
        if (c === 0x07 || c === 0x9c) this.esc = 'text';
        else if (c === 0x1b) this.esc = 'osc-esc';
        break;
      case 'osc-esc':
        this.esc = c === 0x5c ? 'text' : 'osc';
        break;
    }
  }
}

/** Convenience for whole strings (the CLI's stdin, a pasted selection). */
export function findLastError(text: string): AwsError | undefined {
  const s = new ErrorScanner();
  s.feed(text);
  return s.finish();
}
