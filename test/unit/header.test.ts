import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatRecreatedOn, readAmtcHeader } from '../../src/core/amtc/header';

void test('reads the header seen in the wild, with either time-zone text', () => {
  const wild = '# Do not modify this file, if this file is modified it will not be updated. If the file is deleted, it will be recreated on Tue Dec 24 2019 05:45:03 GMT+0000 (UTC).\n# 48d6506ec784eec13b97c5bda76c9b9efff1fd8ac0b3bfe2b11c0d19f24764f1 #\n\n[default]\n';
  const h = readAmtcHeader(wild);
  assert.deepEqual(h, { hashLineOk: true, nextRefreshAt: Date.UTC(2019, 11, 24, 5, 45, 3) });
  const long = wild.replace('(UTC)', '(Coordinated Universal Time)').replace(/\n/g, '\r\n');
  assert.deepEqual(readAmtcHeader(long), h);
});

void test('applies the GMT offset and survives a broken hash line or date', () => {
  const plus9 = '# Do not modify this file, if this file is modified it will not be updated. If the file is deleted, it will be recreated on Tue Dec 24 2019 14:45:03 GMT+0900 (Japan Standard Time).\n# abc #\n';
  assert.deepEqual(readAmtcHeader(plus9), { hashLineOk: false, nextRefreshAt: Date.UTC(2019, 11, 24, 5, 45, 3) });
  const noDate = '# Do not modify this file, if this file is modified it will not be updated.';
  assert.deepEqual(readAmtcHeader(noDate), { hashLineOk: false });
  assert.equal(readAmtcHeader('[default]\naws_access_key_id = AKIA\n'), undefined);
});

void test('formatRecreatedOn round-trips through the reader', () => {
  const t = Date.UTC(2026, 10, 29, 6, 5, 9);
  const line = `# Do not modify this file, if this file is modified it will not be updated. If the file is deleted, it will be recreated on ${formatRecreatedOn(t)}.`;
  assert.equal(readAmtcHeader(line)?.nextRefreshAt, t);
});
