// The CLI's words for "after AMTC" (SPEC §8): turning AMTC off / on and using the instance role.
// messagesAfter.ja.ts has the same shape (the type makes a missing translation a compile error).
import type { ManagedCredentialsAction, ManagedStatusInfo } from '../core/amtc/managedStatus';
import type { UpdateProblem } from '../core/aws/cloud9Update';
import type { UseRoleRefusal } from '../core/amtc/useInstanceRole';
import type { MoveFailure, RestoreOutcome } from '../core/files/moveAside';

type RestoreFailure = Exclude<Extract<RestoreOutcome, { ok: false }>['failure'], 'nothing-to-undo'>;

export const afterEn = {
  managedStatus: (s: ManagedStatusInfo): string => {
    const who = s.by === 'collaborator' ? 'because a collaborator changed the shared environment' : 'by the owner';
    switch (s.phase) {
      case 'enabled': return s.by === 'create' ? 'on (since the environment was created)' : 'on (turned on by the owner)';
      case 'disabled': return s.by === 'default' ? 'off (off by default for this environment)' : `off (turned off ${who})`;
      case 'pending': return `being turned off ${who}; Cloud9 is removing the managed credentials`;
      case 'failed': return `Cloud9 could not remove the managed credentials (turned off ${who}); turn AMTC off again`;
      case 'unknown': return s.value ? `unknown (${s.value})` : 'unknown';
    }
  },
  amtc: {
    noEnvironment: 'amtc-guard: no Cloud9 environment id here (neither C9_PID nor CLOUD9_ENVIRONMENT_ID is set); pass --environment-id ID.',
    beforeOff: (file: string) =>
      `Turning AMTC off: Cloud9 stops writing ${file}. The file may stay behind with dead keys that hide the instance role from the AWS CLI; amtc-guard use-instance-role then moves it aside (with a backup).`,
    beforeOn: (file: string) =>
      `Turning AMTC on: Cloud9 writes ${file} again while the owner has the Cloud9 IDE open, and its keys then win over the instance role.`,
    confirm: (a: ManagedCredentialsAction, id: string) => `Turn AMTC ${a === 'ENABLE' ? 'on' : 'off'} for environment ${id}?`,
    notConfirmed: 'amtc-guard: nothing was changed (add --yes to confirm without a question).',
    progress: (status: string) => `  Cloud9 says: ${status}`,
    done: (a: ManagedCredentialsAction, status: string, settled: boolean, followCode?: string) =>
      `amtc-guard: Cloud9 accepted AMTC ${a === 'ENABLE' ? 'on' : 'off'}; ` +
      (followCode ? `its status could not be read afterwards (${followCode}).` : settled ? `it now says: ${status}.` : `it still says: ${status} (check again with amtc-guard status in a minute).`),
    afterOff: (file: string) => `If ${file} stays, its keys hide the instance role: run amtc-guard use-instance-role.`,
    problem: (p: UpdateProblem, code: string): string => {
      const msg: Record<UpdateProblem, string> = {
        'invalid-environment-id': 'the environment id must be 8 to 32 letters or digits (C9_PID in the Cloud9 terminal)',
        'not-owner': "only the environment's owner can turn AMTC off or on",
        'not-found': `Cloud9 does not know this environment (${code}); check the id and the region`,
        'token-rejected': `Cloud9 rejected the credentials (${code}); they may have expired`,
        'no-credentials': 'no AWS credentials to sign the call with',
        'no-network': `Cloud9 could not be reached (${code}); check the network or --endpoint-url`,
        other: `Cloud9 refused the call (${code})`,
      };
      return `amtc-guard: ${msg[p]}; nothing was changed.`;
    },
  },
  useRole: {
    plan: (file: string, role: string, keyId: string, minutes: number | null, keysLive: boolean, behind: string | null) =>
      `The instance role ${role} answers on this host (${keyId}${minutes === null ? '' : `, ${minutes} min left`}); ${file} holds Cloud9's managed keys, which the AWS CLI uses first.` +
      (keysLive ? '\nAMTC is still on: Cloud9 writes the file again within minutes unless you turn it off (amtc-guard amtc off).' : '') +
      (behind ? `\n[default] in the config file has ${behind}, which the AWS CLI uses before the instance role.` : ''),
    confirm: (file: string) => `Move ${file} aside (a 0600 copy next to it; Cloud9 recreates the file if AMTC is turned on again)?`,
    modified: (file: string) => `${file} holds more than Cloud9 wrote; your own sections would move aside too (amtc-guard repair first moves them to the config file).`,
    confirmModified: 'Move the whole file aside anyway?',
    notConfirmed: 'amtc-guard: nothing was moved (add --yes to confirm without a question).',
    moved: (file: string, aside: string, now: string, keyId: string, minutes: number | null) =>
      `amtc-guard: moved ${file} to ${aside}; the AWS CLI now uses ${now} (${keyId}${minutes === null ? '' : `, ${minutes} min left`}).\nCheck it with amtc-guard verify; put the file back with amtc-guard use-instance-role --undo.`,
    refused: (p: UseRoleRefusal, file: string, detail?: string): string => {
      const msg: Record<UseRoleRefusal, string> = {
        'no-file': `there is no ${file}, so nothing hides the instance role`,
        'not-managed': `${file} is not Cloud9's managed file (no Cloud9 header), and only that one is moved`,
        unreadable: `${file} or the config file cannot be read (${detail ?? 'error'})`,
        'imds-settings': `the instance metadata settings are invalid (${detail ?? 'error'}), so the AWS CLI cannot reach the instance role either`,
        'no-role': `no instance role answers on this host (${detail ?? 'no answer'}); attach an instance profile to the EC2 instance first`,
      };
      return `amtc-guard: ${msg[p]}; nothing was moved.`;
    },
    moveProblem: (f: MoveFailure, file: string): string => {
      const msg: Record<MoveFailure, string> = {
        changed: `Cloud9 wrote ${file} while it was being moved, so it stays where it is; nothing was lost, check amtc-guard status and try again`,
        missing: `${file} went away meanwhile; nothing was moved`,
        locked: `another amtc-guard is writing ${file}; try again in a moment`,
        'outside-home': `${file} is a link to a file outside your home directory; move the target yourself`,
        io: `${file} could not be moved; nothing was lost`,
      };
      return `amtc-guard: ${msg[f]}.`;
    },
    undone: (file: string, aside: string) => `amtc-guard: put ${aside} back as ${file}, byte for byte.`,
    nothingToUndo: (file: string) => `Nothing to undo: nothing was moved aside from ${file}.`,
    undoProblem: (f: RestoreFailure, file: string, aside?: string): string => {
      const msg: Record<RestoreFailure, string> = {
        'written-meanwhile': `Cloud9 has written a new ${file} meanwhile, so the old one stays at ${aside ?? 'its place'}`,
        locked: `another amtc-guard is writing ${file}; try again in a moment`,
        io: `${aside ?? 'the moved file'} could not be put back; it is still there`,
      };
      return `amtc-guard: ${msg[f]}.`;
    },
  },
};

export type AfterMessages = typeof afterEn;
