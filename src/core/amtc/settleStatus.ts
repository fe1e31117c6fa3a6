// A status with its credential chain settled: the cache and token files the chain needs are read and
// the endpoint it reaches (IMDS, container) is asked once, then the status is computed again from
// the same file reads (state.ts parses each read once).
import type { ChainIo } from '../credentials/chainTypes';
import { settleWith } from '../credentials/check';
import { computeStatus, CredentialStatus, StateInput } from './state';

export function settleStatus(input: StateInput, io: ChainIo = {}): Promise<CredentialStatus> {
  const chain = input.chain ?? { home: input.env.HOME ?? '' };
  return settleWith(
    (read, answers) => computeStatus({ ...input, chain: { ...chain, read: (p) => read(p) ?? chain.read?.(p), answers } }),
    (s) => s.chain,
    io,
    chain.answers ?? {},
  );
}
