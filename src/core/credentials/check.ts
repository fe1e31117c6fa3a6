// The I/O around the pure chain: reads the cache and token files the resolver asks for (bounded in
// size), asks IMDS or the container endpoint only when the chain reaches them, and resolves again.
import { promises as fs } from 'node:fs';
import type { ChainFileRead, ChainInput, ChainIo, ChainReader, ChainResult, ProbeAnswers } from './chainTypes';
import { resolveChain } from './chain';
import { probeImds } from './imds';
import { probeContainer } from './container';

/** A cache or token file larger than this is not what the CLI writes; it is reported, not parsed. */
export const MAX_CHAIN_FILE_BYTES = 1 << 20;

export async function readChainFile(path: string): Promise<ChainFileRead> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, 'r');
    const st = await handle.stat();
    if (!st.isFile()) return { error: 'unreadable' };
    if (st.size > MAX_CHAIN_FILE_BYTES) return { error: 'too-large' };
    return { text: await handle.readFile('utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { missing: true } : { error: 'unreadable' };
  } finally {
    await handle?.close();
  }
}

/**
 * Runs `run` (the pure chain, or a whole status around it) until every file the chain needs is read
 * and, unless io.probe is false, every endpoint it reaches was asked once. The files follow from the
 * config alone, so one round of reads settles them; then at most one probe.
 */
export async function settleWith<R>(
  run: (read: ChainReader, answers: ProbeAnswers) => R,
  chainOf: (r: R) => Pick<ChainResult, 'unread' | 'pending'>,
  io: ChainIo = {},
  answers: ProbeAnswers = {},
): Promise<R> {
  const readFile = io.readFile ?? readChainFile;
  const files = new Map<string, ChainFileRead>();
  const reader: ChainReader = (p) => files.get(p);
  let result = run(reader, answers);
  for (let round = 0; round < 4; round++) {
    const { unread, pending } = chainOf(result);
    if (unread.length > 0) {
      const reads = await Promise.all(unread.map((p) => readFile(p)));
      unread.forEach((p, i) => files.set(p, reads[i]!));
    } else if (pending && io.probe !== false && pending.imds && !answers.imds) {
      answers = { ...answers, imds: await probeImds(pending.imds, io.transport) };
    } else if (pending && io.probe !== false && pending.container && !answers.container) {
      answers = { ...answers, container: await probeContainer(pending.container, io.transport ? { transport: io.transport } : {}) };
    } else break;
    io.answered?.(answers);
    result = run(reader, answers);
  }
  return result;
}

export function settleChain(input: ChainInput, io: ChainIo = {}, answers: ProbeAnswers = {}): Promise<ChainResult> {
  return settleWith((read, a) => resolveChain(input, read, a), (r) => r, io, answers);
}
