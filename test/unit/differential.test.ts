// The guarantee behind the status bar: for tricky files, our model of the AWS CLI's parser says
// exactly what the CLI's own parser (botocore inside the installed awscli) says.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import fc from 'fast-check';
import { awsCliPythonAvailable, CliResult, cliViews, FilePair, ourView } from '../tools/cliDifferential';
import { tempDir } from './helpers';
import { iniFile } from '../tools/iniGenerator';

const HAND_WRITTEN: FilePair[] = [
  { config: '[profile a]\nregion = us-east-1 # main\n', credentials: undefined },
  { config: '[profile a]\nregion: us-east-1\nRegion2 = X\n', credentials: undefined },
  { config: '[profile a]\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\nregion = eu-west-1\n', credentials: undefined },
  { config: '[profile my.dev]\nregion = "us-east-1"\n', credentials: undefined },
  { config: '[profile a]\nregion = x\n[profile a]\nregion = y\n', credentials: undefined },
  { config: '[profile a]\nfoo[] = 1\nfoo[] = 2\n', credentials: undefined },
  { config: undefined, credentials: '[default]\naws_secret_access_key = abc;def\nother = abc#def\n' },
  { config: '[default]\nregion = a\n[profile default]\nregion = b\n', credentials: undefined },
  { config: '[profile default]\nregion = b\n[default]\nregion = a\n', credentials: undefined },
  { config: '[profile "with space"]\nregion = a\n[profile  two]\nregion=b\n[profilex]\nregion=c\n[ profile y]\nregion=d\n', credentials: undefined },
  { config: '[DEFAULT]\nregion = shared\n[profile a]\noutput = json\n', credentials: '[c9]\naws_access_key_id = AKIA\n' },
  { config: 'region = x\n[default]\n', credentials: undefined },
  { config: '[default]\r\nregion = us-east-1\r\n\r\n[profile b]\r\nregion = b\r\n', credentials: undefined },
  { config: '[default]\rregion = cr-only\r', credentials: undefined },
  { config: '[default]\nregion = a\n  continued\n\n  after blank\n', credentials: undefined },
  { config: '[default]\ns3 =\n  novalue\n', credentials: undefined },
  { config: '[default]\ns3 =\n  # comment inside\n  a = 1\n\n  b = 2\n', credentials: undefined },
  { config: '\ufeff[default]\nregion = bom\n', credentials: undefined },
  { config: '[default]\n=novalue\n', credentials: undefined },
  { config: '[default]\njunk line\n', credentials: undefined },
  { config: '[default] trailing\nregion = a\n[a] b ]\nx = 1\n[]\n', credentials: undefined },
  { config: '[default]\n\u00a0region\u00a0=\u00a0nbsp\u00a0\n', credentials: undefined },
  { config: '[default]\nregion = a\u001c\n\u0085key = b\n', credentials: undefined },
  { config: '  [default]\n  region = indented\n', credentials: undefined },
  { config: '[default]\nregion = a\n  [profile b]\nx = 1\n', credentials: undefined },
  { config: '[profile a]\nregion = a\n', credentials: '[a]\nregion = b\naws_access_key_id = K\n[profile a]\nregion = c\n' },
  { config: '[sso-session s]\nsso_region = x\n[profile a]\nsso_session = s\n', credentials: undefined },
  { config: '[profile a\nregion = x\n', credentials: undefined },
  { config: '# only a comment\n; another\n', credentials: '' },
  { config: '[default]\nREGION = A\nregion = b\n', credentials: undefined },
  { config: "[profile a]\nregion = x\n[profile 'a']\nregion = y\n[profile  a ]\noutput = z\n[default]\nr = 1\n[profile default]\nr = 2\n", credentials: '[b]\nk = 2\n[a]\nk = 1\n[default]\nk = 3\n' },
  { config: "[profile caf\u00e9]\nregion = x\n[profile 'caf\u00e9']\nr = 2\n[profile \"q a\"]\nr = 3\n", credentials: '[caf\u00e9]\nk = 1\n[q a]\nk = 2\n[z]\nk = 3\n' },
];

/** Same profiles, values and errors, and the profiles in the CLI's order (config file first, then the credentials file's own). */
function assertSameView(ours: CliResult, cli: CliResult, message: string): void {
  assert.deepStrictEqual(ours, cli, message);
  if ('profiles' in ours && 'profiles' in cli) assert.deepStrictEqual(Object.keys(ours.profiles), Object.keys(cli.profiles), message);
}

void test('hand-written tricky files: our model matches the AWS CLI parser', { skip: !awsCliPythonAvailable() && 'awscli is not installed' }, () => {
  const cli = cliViews(tempDir(), HAND_WRITTEN);
  HAND_WRITTEN.forEach((pair, i) => {
    assertSameView(ourView(pair), cli[i]!, `case ${i}: ${JSON.stringify(pair)}`);
    assertSameView(ourView(pair, 'bytes'), cli[i]!, `case ${i} read as bytes: ${JSON.stringify(pair)}`);
  });
});

void test('generated files: our model matches the AWS CLI parser (fast-check, fixed seed)', { skip: !awsCliPythonAvailable() && 'awscli is not installed' }, () => {
  const pairs = fc.sample(fc.record({ config: iniFile, credentials: fc.option(iniFile, { nil: undefined }) }), { numRuns: 400, seed: 20261129 });
  const cli = cliViews(tempDir(), pairs);
  let parsedByCli = 0;
  pairs.forEach((pair, i) => {
    if (!('error' in cli[i]!)) parsedByCli++;
    assertSameView(ourView(pair), cli[i]!, `case ${i}: ${JSON.stringify(pair)}`);
    assertSameView(ourView(pair, 'bytes'), cli[i]!, `case ${i} read as bytes: ${JSON.stringify(pair)}`);
  });
  // The generator must exercise both outcomes, or the comparison proves little.
  console.log(`differential: ${pairs.length} generated pairs, ${parsedByCli} parsed by the CLI`);
  assert.ok(parsedByCli > pairs.length / 4 && parsedByCli < pairs.length - 40, `CLI parsed ${parsedByCli} of ${pairs.length}`);
});
