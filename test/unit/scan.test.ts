import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ErrorScanner } from '../../src/core/terminal/scan';

const LINE = 'An error occurred (InvalidClientTokenId) when calling the CreateUser operation: The security token included in the request is invalid';

void test('escape sequences split across chunks are stripped, not mistaken for text', () => {
  const colored = `\x1b]633;C\x07\x1b[31m${LINE.slice(0, 20)}\x1b[0m${LINE.slice(20)}\x1b]633;D;254\x1b\\\r\n`;
  for (let cut = 0; cut < colored.length; cut += 7) {
    const s = new ErrorScanner();
    s.feed(colored.slice(0, cut));
    s.feed(colored.slice(cut));
    const e = s.finish();
    assert.equal(e?.code, 'InvalidClientTokenId', `cut at ${cut}`);
    assert.equal(e?.operation, 'CreateUser');
    assert.equal(e?.message, 'The security token included in the request is invalid');
  }
});

void test('the last error wins; lone \\r and CRLF both end lines', () => {
  const s = new ErrorScanner();
  s.feed(`${LINE.replace('CreateUser', 'GetUser')}\r${LINE}\r\nok\n`);
  assert.equal(s.finish()?.operation, 'CreateUser');
  assert.equal(s.errorCount, 2);
});

void test('memory stays bounded: 20 MB without a newline, then an error', () => {
  const s = new ErrorScanner();
  const mb = 'x'.repeat(1 << 20);
  for (let i = 0; i < 20; i++) s.feed(mb);
  s.feed(`\n${LINE}\n`);
  assert.equal(s.finish()?.code, 'InvalidClientTokenId');
  // The 20 MB line was cut at the line cap instead of being kept.
  assert.ok(process.memoryUsage().heapUsed < 400 * (1 << 20));
});

void test('binary garbage and NUL bytes give no error and no exception', () => {
  const s = new ErrorScanner();
  s.feed(Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)).toString('latin1'));
  s.feed('\0\0\0');
  assert.equal(s.finish(), undefined);
});

void test('the last lines of plain text are kept (escapes stripped, blank lines skipped, at most eight)', () => {
  const s = new ErrorScanner();
  s.feed('\x1b]633;C\x07');
  for (let i = 1; i <= 12; i++) s.feed(`line ${i}\r\n\r\n`);
  s.feed('\x1b[31mUnable to locate credentials.\x1b[0m');
  s.finish();
  assert.deepEqual(s.lastLines, ['line 6', 'line 7', 'line 8', 'line 9', 'line 10', 'line 11', 'line 12', 'Unable to locate credentials.']);
});
