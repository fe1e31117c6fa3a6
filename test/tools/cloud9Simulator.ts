// Behaves like Cloud9 towards ~/.aws/credentials: writes the header and an ASIA [default] every
// period, can stop (owner closed the IDE), delete the file (member added by a non-owner), and
// never rewrites a file the user modified. Used by host tests, e2e tests and `npm start`.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, unlinkSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { amtcHeaderLines } from '../../src/core/amtc/header';
import { CLOUD9_REFRESH_PERIOD_MS } from '../../src/core/amtc/refreshEvidence';

export interface SimulatorOptions {
  file: string;
  periodMs?: number;
  region?: string;
  /** Cloud9 rewrites in place; rename-over is offered for tests of atomic replaces. */
  mode?: 'in-place' | 'rename';
  now?: () => number;
}

export class Cloud9Simulator {
  private timer: NodeJS.Timeout | undefined;
  private lastWritten: string | undefined;
  /** What the simulator wrote last (the bytes a repair must restore). */
  get written(): string | undefined {
    return this.lastWritten;
  }
  private counter = 0;
  readonly periodMs: number;

  constructor(private readonly options: SimulatorOptions) {
    this.periodMs = options.periodMs ?? 5 * 60_000;
  }

  /** Writes now and then every period. */
  start(): void {
    this.stop();
    this.refresh();
    this.timer = setInterval(() => this.refresh(), this.periodMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * One refresh. While the file differs from what it last wrote (the user modified it), it writes
   * nothing, as Cloud9 does; once the file is back to those bytes (repaired), refreshing resumes.
   */
  refresh(): boolean {
    const { file } = this.options;
    if (this.lastWritten !== undefined && existsSync(file) && readFileSync(file, 'utf8') !== this.lastWritten) {
      return false;
    }
    const text = this.content();
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (this.options.mode === 'rename') {
      const tmp = `${file}.c9tmp`;
      writeFileSync(tmp, text, { mode: 0o600 });
      renameSync(tmp, file);
    } else {
      writeFileSync(file, text, { mode: 0o600 });
    }
    this.lastWritten = text;
    return true;
  }

  /** Cloud9's answer to "force an update": overwrite whatever is there and resume. */
  forceUpdate(): void {
    this.lastWritten = undefined;
    this.start();
  }

  /** What Cloud9 does when AMTC is turned off or a non-owner adds a member. */
  deleteFile(): void {
    this.stop();
    if (existsSync(this.options.file)) unlinkSync(this.options.file);
    this.lastWritten = undefined;
  }

  content(): string {
    const now = (this.options.now ?? Date.now)();
    this.counter++;
    const keyId = `ASIA${randomBytes(6).toString('hex').toUpperCase()}${String(this.counter % 10000).padStart(4, '0')}`;
    const hash = randomBytes(32).toString('hex');
    return [
      // Cloud9 writes the time of its next regular refresh, five minutes ahead, whatever the period
      // this simulator runs at: only then does the product count the write as a refresh.
      ...amtcHeaderLines(now + CLOUD9_REFRESH_PERIOD_MS, hash),
      '',
      '[default]',
      `aws_access_key_id=${keyId}`,
      `aws_secret_access_key=${randomBytes(30).toString('base64')}`,
      `aws_session_token=${randomBytes(120).toString('base64')}`,
      `region=${this.options.region ?? 'us-east-1'}`,
      '',
    ].join('\n');
  }
}

// Stand-alone: node out/test/tools/cloud9Simulator.js FILE [periodSeconds]
if (require.main === module) {
  const [file, seconds] = process.argv.slice(2);
  if (!file) {
    console.error('usage: cloud9Simulator FILE [periodSeconds]');
    process.exit(2);
  }
  const sim = new Cloud9Simulator({ file, periodMs: Number(seconds ?? 300) * 1000 });
  sim.start();
  console.log(`Cloud9 simulator: refreshing ${file} every ${sim.periodMs / 1000} s`);
  process.on('SIGTERM', () => process.exit(0));
}
