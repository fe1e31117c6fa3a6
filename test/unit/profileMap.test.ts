// The profile map's index (names as ranges of the file, strings only for quoted names) against a
// plain Map built from the section names with configSectionProfile, the rule it speeds up.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCliView } from '../../src/core/ini/cliView';
import { parseDocument } from '../../src/core/ini/document';
import { buildProfileMap, configSectionProfile } from '../../src/core/ini/profiles';
import { iniFile } from '../tools/iniGenerator';

function plainNames(config: string, credentials: string): string[] {
  const names = new Map<string, true>();
  for (const s of parseCliView(parseDocument(config)).sections) {
    const name = configSectionProfile(s.name);
    if (name !== undefined) names.set(name, true);
  }
  for (const s of parseCliView(parseDocument(credentials)).sections) names.set(s.name, true);
  return [...names.keys()];
}

void test('profile map: names, order, size and lookups match a plain Map of the section names (fast-check, fixed seed)', () => {
  const quoted = fc.constantFrom("[profile 'a']\nx = 1\n", '[profile "b c"]\nx = 2\n', '[profile   a  ]\nx = 3\n', '[profile caf\u00e9]\nx = 4\n', '[b c]\nx = 5\n', '[caf\u00e9]\nx = 6\n', '[a]\nx = 7\n');
  const file = fc.tuple(iniFile, fc.array(quoted, { maxLength: 3 })).map(([f, q]) => f + q.join(''));
  fc.assert(fc.property(file, file, fc.boolean(), (config, credentials, asBytes) => {
    const read = (t: string) => parseCliView(parseDocument(asBytes ? Buffer.from(t) : t));
    const map = buildProfileMap(read(config), read(credentials));
    const expected = plainNames(config, credentials);
    assert.deepStrictEqual([...map.keys()], expected);
    assert.equal(map.size, expected.length);
    for (const name of [...expected, 'a', 'b c', 'caf\u00e9', 'nosuch', '']) assert.equal(map.has(name), expected.includes(name), name);
  }), { numRuns: 500, seed: 14 });
});

void test('profile map: the last of 50,000 profiles resolves, and a later section of the same profile wins', () => {
  const parts = ['[profile p0]\nregion = first\n'];
  for (let i = 1; i < 50_000; i++) parts.push(`[profile p${i}]\nregion = r${i}\n`);
  parts.push("[profile 'p0']\nregion = last\n");
  const map = buildProfileMap(parseCliView(parseDocument(Buffer.from(parts.join('')))), undefined);
  assert.equal(map.size, 50_000);
  assert.equal(map.get('p49999')?.values.get('region'), 'r49999');
  assert.equal(map.get('p0')?.values.get('region'), 'last');
  assert.equal([...map.keys()][0], 'p0');
});
