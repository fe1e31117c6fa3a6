// The full CLI flow with a secret that must never be shown: add, verify with a wrong secret, explain,
// repair. Every byte the CLI prints (stdout and stderr, text and JSON) is searched for it.
import { strict as assert } from 'node:assert';
import { appendFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { FakeAws, startFakeAws } from '../tools/fakeAws';
import { writeHome } from '../tools/chainHome';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { runCli } from './cliRun';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN';

let fake: FakeAws;
before(async () => {
  // The key is known but the signature is wrong: what STS answers for a mistyped secret.
  fake = await startFakeAws(() => ({ ok: false, code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' }));
});
after(() => fake.close());

void test('no secret, session token or full key id in any CLI output of the whole flow', async () => {
  const { home, credentials } = writeHome(tempDir(), { credentials: amtcFile(Date.now() + 300_000).replace('TOKENTOKENTOKEN', TOKEN) });
  const outputs: string[] = [];
  // Each command runs as text and again with --json; the text run's exit code is returned.
  const run = async (args: string[], input = ''): Promise<number | null> => {
    const env = { HOME: home };
    const text = await runCli(args, env, input);
    const json = await runCli([...args, '--json'], env, input);
    outputs.push(text.stdout, text.stderr, json.stdout, json.stderr);
    return text.code;
  };
  assert.equal(await run(['add-profile', '--name', 'c9_work', '--access-key-id', KEY_ID, '--region', 'us-east-1', '--secret-stdin'], `${SECRET}\n`), 0);
  assert.equal(await run(['verify', '--profile', 'c9_work', '--endpoint-url', fake.url]), 1);
  assert.ok(outputs.some((o) => o.includes('does not match its key id')), 'the wrong secret is explained');
  await run(['status']);
  await run(['explain', '--command', `aws iam create-user --profile c9_work`, '--exit-code', '254'], `An error occurred (InvalidClientTokenId) when calling the CreateUser operation: The security token ${KEY_ID} is invalid\n`);
  appendFileSync(credentials, `[leaked]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n`);
  await run(['status']);
  await run(['repair', '--prefer', 'credentials']);
  await run(['add-profile', '--name', 'c9_work', '--access-key-id', KEY_ID, '--secret-stdin'], `${SECRET}\n`); // exists → error path
  assert.ok(outputs.join('').length > 1000, 'the flow printed something to search');
  for (const secret of [SECRET, TOKEN, KEY_ID]) {
    assert.equal(outputs.filter((o) => o.includes(secret)).length, 0, `${secret.slice(0, 4)}… appeared in CLI output`);
  }
  assert.ok(fake.calls.some((c) => c.keyId === KEY_ID), 'verify really signed with the key (it just must not print it)');
});
