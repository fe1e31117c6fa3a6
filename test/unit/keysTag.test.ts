import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { keysTag } from '../../src/core/amtc/refreshEvidence';

void test('keysTag changes with any of the key id, secret and token, and holds none of them', () => {
  const base = keysTag('AKIAIOSFODNN7EXAMPLE', 'secret-one', undefined);
  assert.equal(keysTag('AKIAIOSFODNN7EXAMPLE', 'secret-one', undefined), base, 'stable for the same keys');
  assert.notEqual(keysTag('AKIAIOSFODNN7EXAMPLE', 'secret-two', undefined), base);
  assert.notEqual(keysTag('AKIAIOSFODNN7EXAMPLF', 'secret-one', undefined), base);
  assert.notEqual(keysTag('AKIAIOSFODNN7EXAMPLE', 'secret-one', 'token'), base);
  assert.equal(keysTag(undefined, 'secret-one', undefined), null);
  assert.match(base!, /^[0-9a-f]{16}$/);
  assert.ok(!base!.includes('AKIA') && !base!.includes('secret'));
});
