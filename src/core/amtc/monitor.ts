// Keeps a CredentialStatus current: reads both files when they change (debounced), re-evaluates at
// the engine's next-change time instead of polling, and re-plans the watch when paths change.
import { FilePaths, Env } from '../credentials/resolve';
import { readStable } from '../files/read';
import { FileWatch, watchFiles, watchRoots } from '../files/watch';
import { computeStatus, CredentialStatus, StateInput } from './state';
import type { Cloud9Write } from './refreshEvidence';
import { settleStatus } from './settleStatus';
import type { StatusChainOptions } from '../credentials/statusChain';
import type { ProbeAnswers } from '../credentials/chainTypes';

export interface MonitorSettings {
  paths: FilePaths;
  env: Env;
  lifetimeMs: number;
  /** Settle the credential chain too (read its caches; ask IMDS/container when `probe`); without it caches stay unread. */
  chain?: StatusChainOptions & { probe: boolean };
}

export interface MonitorOptions {
  settings: () => MonitorSettings;
  onStatus: (status: CredentialStatus) => void;
  onError: (error: unknown) => void;
  now?: () => number;
  debounceMs?: number;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export class CredentialMonitor {
  private watch: FileWatch | undefined;
  private watchedFiles = '';
  private debounce: NodeJS.Timeout | undefined;
  private wakeUp: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private disposed = false;
  private last = '';
  /** Cloud9's last write seen, so that a later save with the same key id is not taken for a refresh. */
  private lastCloud9Write: Cloud9Write | undefined;
  /** What the last status was computed from, for statusFor(). */
  /** What IMDS and the container endpoint answered at the last settle. */
  private answers: ProbeAnswers = {};
  private lastReads: Omit<Parameters<typeof computeStatus>[0], 'env' | 'now'> | undefined;
  current: CredentialStatus | undefined;

  constructor(private readonly options: MonitorOptions) {}

  /** Evaluates now and starts watching. */
  start(): Promise<void> {
    return this.evaluate();
  }

  /** Call when settings or the terminal environment changed. */
  refresh(): Promise<void> {
    return this.evaluate();
  }

  private schedule(): void {
    if (this.disposed) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.evaluate(), this.options.debounceMs ?? 15);
  }

  private evaluate(): Promise<void> {
    // One evaluation at a time; a request during one runs once more after it.
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.evaluateOnce()
      .catch((e: unknown) => this.options.onError(e))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.disposed) {
          this.again = false;
          void this.evaluate();
        }
      });
    return this.running;
  }

  private async evaluateOnce(): Promise<void> {
    const settings = this.options.settings();
    const now = this.options.now ?? Date.now;
    const [credentials, config] = await Promise.all([
      readStable(settings.paths.credentialsFile),
      readStable(settings.paths.configFile),
    ]);
    if (this.disposed) return;
    const input: StateInput = { env: settings.env, credentials, config, now: now(), lifetimeMs: settings.lifetimeMs, lastCloud9Write: this.lastCloud9Write };
    this.lastReads = { credentials, config, lifetimeMs: settings.lifetimeMs, lastCloud9Write: this.lastCloud9Write };
    const watched = [settings.paths.credentialsFile, settings.paths.configFile, credentials.realPath, config.realPath];
    // First paint from the two files and the endpoint answers of the last settle: it never waits on
    // IMDS. Later, an unsettled answer ("checking…") is not painted over a settled one.
    const quick = computeStatus({ ...input, chain: settings.chain && { ...settings.chain, answers: this.answers } });
    const settled = quick.chain.unread.length === 0 && !quick.chain.pending;
    if (!this.current || settled || !settings.chain) await this.publish(quick, watched);
    if (!settings.chain || this.disposed) return;
    // The settle reads the caches the chain needs and asks the endpoint it reaches once per change.
    const status = await settleStatus({ ...input, chain: { ...settings.chain, answers: {} } }, {
      probe: settings.chain.probe,
      answered: (answers) => (this.answers = answers),
    });
    if (!this.disposed) await this.publish(status, watched);
  }

  private async publish(status: CredentialStatus, watched: (string | undefined)[]): Promise<void> {
    const now = this.options.now ?? Date.now;
    if (status.amtc?.keyTag) this.lastCloud9Write = { at: status.amtc.refreshedAt, keyTag: status.amtc.keyTag, nextRefreshAt: status.amtc.nextRefreshAt };
    // A new watch only reports changes after its initial scan: read once more after it is ready.
    if (await this.rewatch([...watched, ...status.chain.files])) this.again = true;
    this.current = status;
    clearTimeout(this.wakeUp);
    if (status.nextChangeAt !== null) {
      const delay = Math.min(Math.max(status.nextChangeAt - now(), 0) + 5, MAX_TIMER_MS);
      this.wakeUp = setTimeout(() => void this.evaluate(), delay);
    }
    const key = JSON.stringify(status);
    if (key !== this.last) {
      this.last = key;
      this.options.onStatus(status);
    }
  }

  /** The status for another environment (a terminal that kept an older one), from the last read of the files. */
  statusFor(env: Env): CredentialStatus | undefined {
    return this.lastReads && computeStatus({ env, ...this.lastReads, now: (this.options.now ?? Date.now)() });
  }

  /** Watches these files (re-planned when they or their nearest existing directories change). */
  private async rewatch(candidates: (string | undefined)[]): Promise<boolean> {
    const files = [...new Set(candidates.filter((f): f is string => !!f))];
    const plan = JSON.stringify([files, watchRoots(files)]);
    if ((plan === this.watchedFiles && !this.watch?.stale()) || this.disposed) return false;
    await this.watch?.close();
    this.watchedFiles = plan;
    this.watch = watchFiles(files, () => this.schedule(), this.options.onError);
    await this.watch.ready;
    return true;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.debounce);
    clearTimeout(this.wakeUp);
    await this.watch?.close();
  }
}
