// The signs of a Cloud9 host for the status item's `auto` visibility (core/amtc/visibility): the
// environment and the managed header come with each status; `~/.c9` is looked up once, off the
// activation path.
import { promises as fs } from 'node:fs';
import type { CredentialStatus } from '../core/amtc/state';
import { c9Dir, Cloud9Sign, cloud9Signs, itemVisible } from '../core/amtc/visibility';
import type { Env } from '../core/credentials/resolve';
import { itemVisibility } from './config';

export class Cloud9Signs {
  private c9DirExists = false;

  constructor(private readonly env: () => Env, home: string, onFound: () => void) {
    void fs.stat(c9Dir(home)).then((st) => {
      this.c9DirExists = st.isDirectory();
      if (this.c9DirExists) onFound();
    }, () => undefined);
  }

  of(s: CredentialStatus | undefined): Cloud9Sign[] {
    return cloud9Signs(s, this.env(), this.c9DirExists);
  }

  /** The status item's visibility rule, from the setting and these signs. */
  readonly itemVisible = (s: CredentialStatus): boolean => itemVisible(itemVisibility(), s, this.of(s), Date.now());
}
