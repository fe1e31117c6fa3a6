// SPEC §9: untrusted text stays text. The escaping helpers on hostile input, the secret masking on
// real command lines, and a scan of the sources that fails when Markdown or HTML is built without them.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { html, htmlText } from '../../src/core/text/html';
import { markdownText, md } from '../../src/core/text/markdown';
import { notificationText, plainLines, plainText } from '../../src/core/text/plainText';
import { maskSecretsIn } from '../../src/core/mask';
import { ROOT, tempDir } from './helpers';

const OSC8 = '\x1b]8;;https://evil.example/\x07click me\x1b]8;;\x07';
const OSC52 = '\x1b]52;c;ZWNobyBwd25lZA==\x1b\\';
const CSI = '\x1b[2J\x1b[31;1mred\x1b[0m';
const C1 = '\x9b2J\x9d0;title\x9c\x90dcs\x9c';
const HOSTILE = `See [x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22touch%20/tmp/pwned%5Cn%22%7D) <img src=x onerror=alert(1)> ${OSC8} \`\`\`code\`\`\` ${OSC52}${CSI}${C1} $(gear) https://evil.example www.evil.example &amp; \u202Eevil\u202C`;

void test('plainText: OSC 8, OSC 52, CSI, C1 and direction controls are gone; visible characters stay', () => {
  const t = plainText(HOSTILE);
  assert.doesNotMatch(t, /[\x00-\x1f\x7f-\x9f\u202a-\u202e]/);
  assert.ok(t.includes('click me') && t.includes('red') && t.includes('evil'), t);
  assert.ok(!t.includes('52;c') && !t.includes('8;;') && !t.includes('[2J') && !t.includes('title') && !t.includes('dcs'), t);
  assert.ok(t.includes('[x](command:workbench.action.terminal.sendSequence'), 'Markdown characters are plain text here');
  // An unterminated OSC swallows the rest instead of leaving half a sequence.
  assert.equal(plainText('ok\x1b]52;c;AAAA'), 'ok');
  assert.equal(plainText('a\r\nb\tc\u2028d'), 'a b c d');
  assert.equal(plainLines('a\x1b[1mb\r\nc\x07'), 'ab\nc');
});

void test('notificationText breaks link syntax but keeps every visible character', () => {
  const t = notificationText('[x](command:evil) and [y](https://evil.example)');
  assert.doesNotMatch(t, /\]\(/);
  assert.equal(t.replace(/\u200b/g, ''), '[x](command:evil) and [y](https://evil.example)');
});

void test('markdownText: every Markdown construct in the text is escaped (a round trip through a CommonMark unescape gives the text back)', () => {
  const m = markdownText(HOSTILE).value;
  // No unescaped punctuation is left: links, images, HTML, code spans, autolinks and icons need one.
  assert.doesNotMatch(m.replace(/\\[!-/:-@[-`{-~]/g, ''), /[!-/:-@[-`{-~]/);
  assert.equal(m.replace(/\\([!-/:-@[-`{-~])/g, '$1'), plainText(HOSTILE));
  // Interpolated values are escaped, literal template parts are kept, Markdown values nest unchanged.
  const name = '*bold* [l](command:x)';
  const row = md`| **${name}** | ${markdownText('a|b')} |`;
  assert.equal(row.value, '| **\\*bold\\* \\[l\\]\\(command\\:x\\)** | a\\|b |');
  assert.equal(md`# ${row}`.value, `# ${row.value}`);
});

void test('htmlText and html``: tags, attributes and entities stay text', () => {
  assert.equal(htmlText('<img src=x onerror="a(1)"> & \' `').value, '&#60;img src=x onerror=&#34;a(1)&#34;&#62; &#38; &#39; &#96;');
  const h = html`<p title="${'"><script>'}">${HOSTILE}</p>`.value;
  assert.ok(h.startsWith('<p title="&#34;&#62;&#60;script&#62;">') && h.endsWith('</p>'), h);
  assert.doesNotMatch(h.slice('<p title="&#34;&#62;&#60;script&#62;">'.length, -'</p>'.length), /[<>"'`]/);
  assert.doesNotMatch(h, /\x1b|\x9b|\x9d/);
});

void test('maskSecretsIn: secrets in command lines, INI text and JSON are masked; the rest of the line stays', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const token = 'IQoJb3JpZ2luX2VjEXAMPLE+TOKEN/abc==';
  const cases: [string, string][] = [
    [`AWS_SECRET_ACCESS_KEY=${secret} aws s3 ls`, 'AWS_SECRET_ACCESS_KEY=… aws s3 ls'],
    [`export AWS_SESSION_TOKEN="${token}"; aws sts get-caller-identity`, 'export AWS_SESSION_TOKEN=…; aws sts get-caller-identity'],
    [`AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY='${secret}' aws iam create-user`, 'AWS_ACCESS_KEY_ID=AKIA…MPLE AWS_SECRET_ACCESS_KEY=… aws iam create-user'],
    [`aws configure set aws_secret_access_key ${secret} && aws configure set region us-east-1`, 'aws configure set aws_secret_access_key … && aws configure set region us-east-1'],
    [`aws configure set profile.c9_work.aws_session_token ${token}`, 'aws configure set profile.c9_work.aws_session_token …'],
    [`some-tool --secret-access-key ${secret} --session-token=${token} --region us-east-1`, 'some-tool --secret-access-key … --session-token=… --region us-east-1'],
    [`aws_secret_access_key = ${secret}`, 'aws_secret_access_key = …'],
    [`{"AccessKeyId": "ASIAEXAMPLEEXAMPLE01", "SecretAccessKey": "${secret}", "SessionToken": "${token}"}`, '{"AccessKeyId": "ASIA…LE01", "SecretAccessKey": …, "SessionToken": …}'],
    ['docker login --password-stdin', 'docker login --password-stdin'],
    ['missing aws_secret_access_key in profile', 'missing aws_secret_access_key in profile'],
  ];
  for (const [input, want] of cases) assert.equal(maskSecretsIn(input), want, input);
});

// The lint for SPEC §9: Markdown and HTML reach VS Code only through the helpers. Each rule is a
// pattern that must not appear outside the module allowed to use it.
const RULES: { what: string; pattern: RegExp; allowedIn: string[]; only?: string }[] = [
  { what: 'a MarkdownString built outside trustedMarkdown.ts', pattern: /\bMarkdownString\s*\(/, allowedIn: ['src/vscode/trustedMarkdown.ts'] },
  { what: 'appendMarkdown (use md`…` and trustedMarkdown)', pattern: /\.appendMarkdown\s*\(/, allowedIn: [] },
  { what: 'isTrusted set outside trustedMarkdown.ts', pattern: /\bisTrusted\s*[:=]/, allowedIn: ['src/vscode/trustedMarkdown.ts'] },
  { what: 'webview HTML assigned outside explanationView.ts', pattern: /\.html\s*=[^=]/, allowedIn: ['src/vscode/explanationView.ts'] },
  { what: 'command URIs enabled for every command', pattern: /enableCommandUris\s*:\s*true/, allowedIn: [] },
  // An untagged template that starts like Markdown or HTML and interpolates: build it with md`` or html``.
  { what: 'Markdown or HTML built from a plain template literal', pattern: /(?<![\w.$])`(?=[^`]*\$\{)(?:#{1,6} |- |\| |\*\*|\[|<[a-zA-Z!])/, allowedIn: [], only: 'src/vscode/' },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

void test('lint: no Markdown or HTML is built from untrusted text without the helpers', () => {
  const files = sourceFiles(path.join(ROOT, 'src'));
  assert.ok(files.length > 40, 'the scan sees the sources');
  const hits: string[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      for (const r of RULES) if (r.pattern.test(line) && !r.allowedIn.includes(rel) && rel.startsWith(r.only ?? 'src/')) hits.push(`${rel}:${i + 1}: ${r.what}`);
    });
  }
  assert.deepEqual(hits, []);
});

void test('lint: each rule catches what it is for (the scan can fail)', () => {
  const bad = [
    'const t = new vscode.MarkdownString(`**${name}**`);',
    'tip.appendMarkdown(`x`);',
    'md.isTrusted = true;',
    'panel.webview.html = `<p>${text}</p>`;',
    'createWebviewPanel(id, t, c, { enableCommandUris: true });',
    'lines.push(`- ${label}: ${value}`);',
    'const row = `| ${name} | ${region} |`;',
    'return `[${label}](command:x)`;',
  ];
  for (const line of bad) assert.ok(RULES.some((r) => r.pattern.test(line)), line);
  for (const ok of ['const m = md`- ${label}: ${value}`;', 'const h = html`<p>${text}</p>`;', 'log.info(`judged ${code}`);']) {
    assert.ok(!RULES.some((r) => r.pattern.test(ok)), ok);
  }
});

void test('CLI: OSC 52, OSC 8 and CSI in an error message or a profile name never reach the terminal', () => {
  const home = tempDir();
  const evil = `x${OSC52}${OSC8}${CSI}\x90dcs\x9c\x07y`;
  const env = { PATH: process.env.PATH ?? '', HOME: home, AWS_PROFILE: evil, AMTC_GUARD_COLOR: '1' };
  const run = (args: string[], input = ''): string => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { env, input, encoding: 'utf8' });
    return r.stdout + r.stderr;
  };
  const outputs = [
    run(['status']),
    run(['explain', '--command', `aws iam create-user ${evil}`], `An error occurred (InvalidClientTokenId) when calling the CreateUser operation: ${evil}\n`),
    run(['explain', '--command', 'aws iam create-user', '--exit-code', '254', '--hint'], `An error occurred (InvalidClientTokenId) when calling the CreateUser operation: bad ${evil}\n`),
  ];
  assert.ok(outputs[0]!.includes('xclick mered'), `the visible characters stay: ${JSON.stringify(outputs[0])}`);
  for (const out of outputs) {
    const withoutOwnColours = out.replace(/\x1b\[(?:0|1;33)m/g, '');
    assert.doesNotMatch(withoutOwnColours, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, JSON.stringify(out));
  }
});
