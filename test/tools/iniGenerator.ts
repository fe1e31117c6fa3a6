// A fast-check generator of INI files full of the pieces that trip parsers up (shared by the
// differential test and the edit property test).
import fc from 'fast-check';

// Files built from the pieces that trip parsers up, joined with mixed line breaks. Mostly valid
// (so values are compared), sometimes not (so "the CLI cannot parse this" is compared too).
const sectionLine = fc.constantFrom('[default]', '[profile a]', '[profile "b c"]', '[profile  d]', '[ profile e]', '[DEFAULT]', '[profilex]', '[sso-session s]', '[a]', '[profile f] # c', '[default');
const key = fc.constantFrom('region', 'Region', 'aws_access_key_id', 'output', 's3', 'x.y', 'k ey', 'a:b');
const sep = fc.constantFrom(' = ', '=', ': ', ' :', ' =  ');
const value = fc.constantFrom('us-east-1', 'a # b', 'a ; b', '"q"', '', 'x=y', 'AKIAEXAMPLE', ' padded ', 'v\u00a0', 'é');
const indent = fc.constantFrom('', '', '', ' ', '\t');
const optionLine = fc.tuple(indent, key, sep, value).map(([ind, k, s, v]) => `${ind}${k}${s}${v}`);
const nestedLine = fc.constantFrom('  nested = 1', '    deeper = 2', '  ', '  # c', '  no-equals');
const otherLine = fc.constantFrom('', '   ', '# comment', '; comment', '  # indented comment', 'junk', '=x');
const body = fc.array(fc.oneof({ weight: 8, arbitrary: optionLine }, { weight: 2, arbitrary: nestedLine }, { weight: 3, arbitrary: otherLine }), { maxLength: 5 })
  .map((ls) => ls.filter((l, i) => !(l === 'junk' || l === '=x') || i % 4 === 3));
const section = fc.tuple(sectionLine, body).map(([h, b]) => [h, ...b]);
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
export const iniFile = fc.tuple(fc.array(otherLine.filter((l) => l.trim() === '' || l.startsWith('#')), { maxLength: 2 }), fc.uniqueArray(section, { maxLength: 4, selector: (s) => s[0] }), eol)
  .map(([pre, secs, e]) => [...pre, ...secs.flat()].map((l) => l + e).join(''));

