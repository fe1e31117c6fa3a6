// The one rule for when a credential source needs attention (the item's colour, the SSO notice).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ENDS_SOON_MS, nextAttentionChange, sourceAttention, sourceEndsAt } from '../../src/core/credentials/attention';
import type { ChainSource } from '../../src/core/credentials/chainTypes';

const NOW = Date.parse('2026-11-30T09:00:00Z');
const source = (o: Partial<ChainSource>): ChainSource => ({
  kind: 'sso', works: 'unchecked', problem: null, expiresAt: null, from: null, profile: 'dev', file: null, line: null,
  keyId: null, detail: 'portal', via: null, sessionExpiresAt: null, signInProfile: 'dev', ...o,
});

void test('a failing source needs attention whatever its expiry', () => {
  assert.equal(sourceAttention(source({ works: 'fails', problem: 'sso-token-expired', sessionExpiresAt: NOW - 1 }), NOW), 'failing');
  assert.equal(nextAttentionChange(source({ works: 'fails', sessionExpiresAt: NOW + 3_600_000 }), NOW), null);
});

void test('ten minutes before the earlier of the credentials and the session end, and not a millisecond sooner', () => {
  const s = source({ expiresAt: NOW + 3_600_000, sessionExpiresAt: NOW + ENDS_SOON_MS + 1 });
  assert.equal(sourceEndsAt(s), NOW + ENDS_SOON_MS + 1);
  assert.equal(sourceAttention(s, NOW), null);
  assert.equal(nextAttentionChange(s, NOW), NOW + 1);
  assert.equal(sourceAttention(s, NOW + 1), 'ending-soon');
  assert.equal(nextAttentionChange(s, NOW + 1), null);
});

void test('no known end: never ending soon (keys in a file, an unchecked process)', () => {
  const s = source({ kind: 'shared-credentials-file', works: 'ok', detail: null });
  assert.equal(sourceEndsAt(s), null);
  assert.equal(sourceAttention(s, NOW), null);
  assert.equal(nextAttentionChange(s, NOW), null);
});
