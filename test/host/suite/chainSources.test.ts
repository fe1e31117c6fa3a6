// The credential chain in the real workbench (issue 14): an SSO profile whose session runs out by the
// clock (the item, its tooltip, the notice ten minutes before, the notice when it fails, Sign in
// again through a stand-in for the AWS CLI), then an instance role with its time left from a
// loopback IMDS fake. Nothing is reset in between: each step starts where the last one left off.
import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FakeImds, startFakeImds } from '../../tools/fakeImds';
import { writeSsoToken } from '../../tools/chainHome';
import { ssoTokenPath } from '../../../src/core/credentials/cacheFiles';
import { activeExtension, CONFIG, CREDENTIALS, HOME, resetAwsDir } from './fixtures';
import { amtcItem, eventually, notified, probe } from './probeClient';

const SESSION = 'corp';
const SSO_CONFIG = `[default]\nsso_session = ${SESSION}\nsso_account_id = 111122223333\nsso_role_name = Developer\nregion = us-east-1\n\n[sso-session ${SESSION}]\nsso_start_url = https://d-9067c0ffee.awsapps.com/start\nsso_region = us-east-1\n`;
const MIN = 60_000;

/** Stands in for `aws` in Sign in again: records its arguments and writes a fresh token, as `aws sso login` does. */
function fakeAwsCli(dir: string): { path: string; argsFile: string } {
  mkdirSync(dir, { recursive: true });
  const argsFile = path.join(dir, 'args');
  const token = ssoTokenPath(HOME, SESSION);
  const file = path.join(dir, 'aws');
  writeFileSync(file, [
    '#!/bin/sh',
    `printf '%s\\n' "$*" > '${argsFile}'`,
    `expires=$(date -u -d '+8 hours' +%Y-%m-%dT%H:%M:%SZ)`,
    `printf '{"startUrl":"https://d-9067c0ffee.awsapps.com/start","region":"us-east-1","accessToken":"fake-new-token","expiresAt":"%s"}' "$expires" > '${token}'`,
    'echo "Successfully logged into Start URL: https://d-9067c0ffee.awsapps.com/start"',
    '',
  ].join('\n'));
  chmodSync(file, 0o755);
  return { path: file, argsFile };
}

const notice = async (pattern: RegExp): Promise<{ message: string; buttons: string[] }> =>
  (await notified((x) => pattern.test(x.message), `a notification matching ${pattern}`, 20_000)).find((x) => pattern.test(x.message))!;

describe('the credential chain in the status bar', () => {
  let imds: FakeImds;
  const savedImds = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
  const cli = fakeAwsCli(path.join(HOME, 'fake-aws-cli'));
  const cfg = () => vscode.workspace.getConfiguration('amtcGuard');

  before(async () => {
    resetAwsDir();
    await activeExtension();
    await cfg().update('awsCliPath', cli.path, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  after(async () => {
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = savedImds;
    await cfg().update('awsCliPath', undefined, vscode.ConfigurationTarget.Global);
    await imds?.close();
    rmSync(path.join(HOME, '.aws', 'sso'), { recursive: true, force: true });
  });

  it('an SSO profile with a valid session: the profile, its time left, no colour', async () => {
    writeSsoToken(HOME, SESSION, Date.now() + 10 * MIN + 12_000);
    writeFileSync(CONFIG, SSO_CONFIG);
    const item = await eventually(amtcItem, (i) => /AWS: default · 1[01]m/.test(i?.text ?? ''), 'the SSO profile with its time left');
    assert.doesNotMatch(item!.className, /warning-kind|error-kind/, 'more than ten minutes left: no colour');
    const { text } = await probe.hover(item!.id);
    assert.match(text, /IAM Identity Center \(SSO\)/, text);
    assert.match(text, /SSO session ends|Expires/, text);
    await probe.screenshot('chain-sso-valid');
    await probe.keys(['Escape']);
  });

  it('ten minutes before the end, by the clock alone: warning colour and one notice with Sign in again', async () => {
    const item = await eventually(amtcItem, (i) => /warning-kind/.test(i?.className ?? ''), 'the warning colour at the ten-minute mark', 30_000);
    assert.match(item!.text, /AWS: default · (10|9)m/);
    const n = await notice(/session for the profile "default" ends in \d+ min/);
    assert.ok(n.buttons.includes('Sign in again'), JSON.stringify(n));
    await probe.screenshot('chain-sso-ending-soon');
  });

  it('the session ends: error colour, "expired", a notice that it fails, with Sign in again', async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    // The CLI would refresh nothing here: a token that ends in a few seconds stands for the rest of the hour.
    writeSsoToken(HOME, SESSION, Date.now() + 4000);
    const item = await eventually(amtcItem, (i) => /AWS: default · expired/.test(i?.text ?? ''), 'expired by the clock', 30_000);
    assert.match(item!.className, /error-kind/);
    const n = await notice(/session for the profile "default" has ended; sign in again/);
    assert.ok(n.buttons.includes('Sign in again'), JSON.stringify(n));
    const { text } = await probe.hover(item!.id);
    assert.match(text, /Sign in again/, 'the tooltip offers Sign in again');
    // No Escape here: it would also hide the toasts the next step clicks.
    await probe.screenshot('chain-sso-expired');
  });

  it('Sign in again runs `aws sso login --profile default` in a terminal; the new token turns the item healthy', async () => {
    const before = await probe.notifications();
    assert.ok(before.some((n) => n.buttons.includes('Sign in again')), JSON.stringify(before));
    const opened: string[] = [];
    const listening = vscode.window.onDidOpenTerminal((t) => opened.push(t.name));
    await probe.click('Sign in again');
    await eventually(() => Promise.resolve(existsSync(cli.argsFile)), Boolean, 'the AWS CLI stand-in to run', 20_000);
    assert.equal(readFileSync(cli.argsFile, 'utf8').trim(), 'sso login --profile default');
    const item = await eventually(amtcItem, (i) => /AWS: default · [78]h/.test(i?.text ?? ''), 'healthy after the new token', 20_000);
    assert.doesNotMatch(item!.className, /warning-kind|error-kind/);
    listening.dispose();
    // The terminal closes by itself when the sign-in succeeds; it was opened, with its own name.
    assert.deepEqual(opened, ['AWS sign-in (default)']);
    await probe.screenshot('chain-sso-signed-in');
  });

  it('no files, an instance role on IMDS: the item names it with its time left', async () => {
    imds = await startFakeImds({ expiresAt: Date.now() + 6 * 60 * MIN });
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = imds.url;
    rmSync(CONFIG, { force: true });
    rmSync(CREDENTIALS, { force: true });
    const item = await eventually(amtcItem, (i) => /AWS: instance role · [56]h/.test(i?.text ?? ''), 'the instance role with its time left', 20_000);
    assert.doesNotMatch(item!.className, /warning-kind|error-kind/);
    const { text } = await probe.hover(item!.id);
    assert.ok(text.includes(imds.url), `the tooltip names the endpoint that answered: ${text}`);
    assert.doesNotMatch(text, /ASIAFAKEIMDSROLE0001/, 'the full key id never shows');
    assert.ok(imds.requests.some((r) => r.path.includes('security-credentials')), 'the role was asked on the fake, never 169.254.169.254');
    await probe.screenshot('chain-instance-role');
    await probe.keys(['Escape']);
  });
});
