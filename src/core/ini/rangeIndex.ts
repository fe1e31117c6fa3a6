// Names that are ranges of a document's code units (section names, profile names), found by hash
// without making a string for each. A 50,000-profile file would otherwise build 100,000 strings and
// two large Maps (each string hashed by the engine, each Map grown and scanned by the GC) only to
// look up one profile; here they are five typed arrays, and strings are made for the names read.
import type { CodeUnits } from './document';

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 0x01000193;

/** FNV-1a over code units (the same for a string's char codes, see stringHash). */
export function unitsHash(u: CodeUnits, from: number, to: number): number {
  let h = HASH_SEED;
  for (let k = from; k < to; k++) h = Math.imul(h ^ u[k]!, HASH_PRIME);
  return h;
}

export function stringHash(s: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), HASH_PRIME);
  return h;
}

/** Whether the units at `from` spell `s` (the caller checks the range is long enough). */
export function unitsStartWith(u: CodeUnits, from: number, s: string): boolean {
  for (let k = 0; k < s.length; k++) if (u[from + k] !== s.charCodeAt(k)) return false;
  return true;
}

export class RangeIndex {
  /** Number of entries; ids are 0..size-1 in the order they were added. */
  size = 0;
  private starts: Uint32Array;
  private ends: Uint32Array;
  private hashes: Int32Array;
  /** Open addressing: id + 1 per slot, 0 when free; kept at most half full. */
  private slots: Int32Array;

  constructor(private readonly u: CodeUnits, expected = 16) {
    const cap = Math.max(16, expected);
    this.starts = new Uint32Array(cap);
    this.ends = new Uint32Array(cap);
    this.hashes = new Int32Array(cap);
    this.slots = new Int32Array(slotCount(cap));
  }

  /** The entry whose units equal `other[from..to)` (another document's units, or this one's), or -1. */
  find(hash: number, other: CodeUnits, from: number, to: number): number {
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] === hash && this.equals(id, other, from, to)) return id;
    }
  }

  findString(name: string): number {
    const hash = stringHash(name);
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] === hash && this.equalsString(id, name)) return id;
    }
  }

  /** Adds a range that find() did not find; returns its id. */
  add(hash: number, from: number, to: number): number {
    if (this.size === this.starts.length) this.grow();
    const id = this.size++;
    this.starts[id] = from;
    this.ends[id] = to;
    this.hashes[id] = hash;
    this.place(id);
    return id;
  }

  start(id: number): number {
    return this.starts[id]!;
  }

  end(id: number): number {
    return this.ends[id]!;
  }

  hash(id: number): number {
    return this.hashes[id]!;
  }

  private equals(id: number, other: CodeUnits, from: number, to: number): boolean {
    const a = this.starts[id]!;
    if (this.ends[id]! - a !== to - from) return false;
    for (let k = 0; k < to - from; k++) if (this.u[a + k] !== other[from + k]) return false;
    return true;
  }

  private equalsString(id: number, s: string): boolean {
    const a = this.starts[id]!;
    if (this.ends[id]! - a !== s.length) return false;
    for (let k = 0; k < s.length; k++) if (this.u[a + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[id]! & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = id + 1;
  }

  private grow(): void {
    const cap = this.starts.length * 2;
    const starts = new Uint32Array(cap);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Uint32Array(cap);
    ends.set(this.ends);
    this.ends = ends;
    const hashes = new Int32Array(cap);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.slots = new Int32Array(slotCount(cap));
    for (let id = 0; id < this.size; id++) this.place(id);
  }
}

/** A power of two at least twice the capacity. */
function slotCount(cap: number): number {
  let n = 32;
  while (n < cap * 2) n *= 2;
  return n;
}
