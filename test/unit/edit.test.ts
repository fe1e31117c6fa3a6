// Property: for random valid files and random profile edits, every byte outside the edited section
// is unchanged, and the AWS CLI's own parser sees exactly the old profiles plus the edit.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { setProfileKeys } from '../../src/core/ini/edit';
import { parseCliView } from '../../src/core/ini/cliView';
import { parseDocument } from '../../src/core/ini/document';
import { findProfileSection, PROFILE_NAME } from '../../src/core/ini/edit';
import { buildProfileMap } from '../../src/core/ini/profiles';
import { awsCliPythonAvailable, cliViews, CliProfiles } from '../tools/cliDifferential';
import { iniFile } from '../tools/iniGenerator';
import { tempDir } from './helpers';

const editArb = fc.record({
  existing: fc.boolean(),
  profile: fc.constantFrom('a', 'd', 'f', 'c9_work', 'x.y-z+1@2'),
  keyId: fc.constantFrom('AKIAIOSFODNN7EXAMPLE', 'AKIAEXAMPLEUSER00001'),
  secret: fc.constantFrom('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', 'abc#def;ghi'),
  region: fc.option(fc.constantFrom('us-east-1', 'ap-northeast-1'), { nil: undefined }),
});

void test('edits are surgical and the CLI sees old profiles + the edit (fast-check, fixed seed)', { skip: !awsCliPythonAvailable() && 'awscli is not installed' }, () => {
  const samples = fc.sample(fc.tuple(iniFile, editArb), { numRuns: 300, seed: 4242 })
    .filter(([text]) => !parseCliView(parseDocument(text)).error)
    .slice(0, 150);
  assert.ok(samples.length >= 100, `${samples.length} parseable samples`);
  const results = samples.map(([text, sampled]) => {
    // Half the time, edit a profile the file already has (replace in place).
    const names = [...buildProfileMap(parseCliView(parseDocument(text)), undefined).keys()].filter((n) => PROFILE_NAME.test(n) && n !== 'default');
    const e = { ...sampled, profile: sampled.existing && names.length ? names[0]! : sampled.profile };
    const keys: [string, string | null][] = [['aws_access_key_id', e.keyId], ['aws_secret_access_key', e.secret], ['aws_session_token', null]];
    if (e.region) keys.push(['region', e.region]);
    const r = setProfileKeys(text, { file: 'config', profile: e.profile, keys, replace: true });
    assert.ok(r.ok, JSON.stringify(text));
    return { text, e, next: r.text, action: r.action };
  });
  const cli = cliViews(tempDir(), results.flatMap((r) => [{ config: r.text, credentials: undefined }, { config: r.next, credentials: undefined }]));
  let added = 0;
  results.forEach((r, i) => {
    const before = cli[2 * i]!;
    const after = cli[2 * i + 1]!;
    assert.ok('profiles' in before && 'profiles' in after, `the CLI reads the edited file: ${JSON.stringify(r.next)}`);
    const old: CliProfiles = before.profiles;
    const now: CliProfiles = after.profiles;
    for (const name of Object.keys(old)) if (name !== r.e.profile) assert.deepEqual(now[name], old[name], `profile ${name} untouched`);
    const p = now[r.e.profile]!;
    assert.equal(p.aws_access_key_id, r.e.keyId);
    assert.equal(p.aws_secret_access_key, r.e.secret);
    if (r.e.region) assert.equal(p.region, r.e.region);
    // Bytes outside the edited section are identical.
    if (r.action === 'added') {
      added++;
      assert.ok(r.next.startsWith(r.text), 'appended after the untouched text');
    } else {
      const doc = parseDocument(r.text);
      const section = findProfileSection('config', parseCliView(doc).sections, r.e.profile)!;
      const head = r.text.slice(0, doc.starts[section.headerLine]);
      const tail = section.endLine < doc.lineCount ? r.text.slice(doc.starts[section.endLine]) : '';
      assert.ok(r.next.startsWith(head) && r.next.endsWith(tail), JSON.stringify([r.text, r.next]));
    }
  });
  assert.ok(added > 10 && added < results.length - 10, `both adds and replaces exercised (${added} adds)`);
  console.log(`edit property: ${results.length} edits checked against the AWS CLI parser, ${added} adds`);
});

void test('refuses what would break the file: duplicates, bad names, bad values, unparseable files', () => {
  const base = '[profile a]\nregion = x\n';
  const keys: [string, string | null][] = [['aws_access_key_id', 'AKIAIOSFODNN7EXAMPLE']];
  assert.deepEqual(setProfileKeys(base, { file: 'config', profile: 'a', keys, replace: false }), { ok: false, code: 'exists' });
  assert.deepEqual(setProfileKeys(base, { file: 'config', profile: 'bad name', keys, replace: true }), { ok: false, code: 'invalid-name' });
  assert.deepEqual(setProfileKeys(base, { file: 'config', profile: 'b', keys: [['aws_secret_access_key', 'x\ny']], replace: true }), { ok: false, code: 'invalid-value' });
  assert.deepEqual(setProfileKeys(base + base, { file: 'config', profile: 'b', keys, replace: true }), { ok: false, code: 'cli-cannot-parse' });
});

void test('CRLF files get CRLF lines; a file without a final newline gets one before the new section', () => {
  const crlf = '# c\r\n[profile a]\r\nregion = x\r\n';
  const r = setProfileKeys(crlf, { file: 'config', profile: 'b', keys: [['aws_access_key_id', 'AKIAIOSFODNN7EXAMPLE']], replace: false });
  assert.deepEqual(r, { ok: true, action: 'added', text: `${crlf}\r\n[profile b]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\n` });
  const r2 = setProfileKeys('[profile a]\nregion = x', { file: 'config', profile: 'a', keys: [['output', 'json']], replace: true });
  assert.deepEqual(r2, { ok: true, action: 'replaced', text: '[profile a]\nregion = x\noutput = json\n' });
  const r3 = setProfileKeys('[a]\nAWS_Access_Key_Id: OLD # note\naws_session_token = T\n  more\nregion = r\n', { file: 'credentials', profile: 'a', keys: [['aws_access_key_id', 'AKIAIOSFODNN7EXAMPLE'], ['aws_session_token', null]], replace: true });
  assert.deepEqual(r3, { ok: true, action: 'replaced', text: '[a]\nAWS_Access_Key_Id: AKIAIOSFODNN7EXAMPLE\nregion = r\n' });
});
