// The CLI's words for "after AMTC" (SPEC §8): turning AMTC off / on and using the instance role.
// messagesAfter.ja.ts has the same shape (the type makes a missing translation a compile error).
import type { ManagedCredentialsAction, ManagedStatusInfo } from '../core/amtc/managedStatus';
import type { UpdateProblem } from '../core/aws/cloud9Update';

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
    usage: 'amtc takes on or off: amtc-guard amtc on|off [--yes] [--environment-id ID] [--endpoint-url URL]',
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
};

export type AfterMessages = typeof afterEn;
