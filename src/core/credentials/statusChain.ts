// The bridge between the state engine (amtc/state.ts) and the credential chain: builds the chain's
// input from the files the state engine already parsed, and settles a status (reads the caches the
// chain needs, asks the endpoints it reaches: amtc/settleStatus.ts) without parsing the files again.
import type { CliFileView } from '../ini/cliView';
import { sectionValues } from '../ini/cliView';
import type { FileKind, ProfileMap } from '../ini/profiles';
import type { Env } from './resolve';
import type { ChainInput, ChainReader, ChainResult, ProbeAnswers } from './chainTypes';
import { resolveChain } from './chain';

/** What a status needs to resolve the chain beyond the two files (StateInput.chain). */
export interface StatusChainOptions {
  home: string;
  /** `--profile NAME` (drops env keys, as the CLI's --profile does). */
  profileFlag?: string;
  /** Cache and token files already read; a path missing here is listed in result.unread. */
  read?: ChainReader;
  answers?: ProbeAnswers;
  botoDefaults?: string[];
}

/** The AWS CLI ignores an empty `--profile ''` (2.9.19 signs with [default] and keeps env keys), unlike an empty AWS_PROFILE. */
export function withoutEmptyProfileFlag(o: StatusChainOptions): StatusChainOptions {
  if (o.profileFlag !== '') return o;
  const rest = { ...o };
  delete rest.profileFlag;
  return rest;
}

export interface ChainFilesParsed {
  env: Env;
  now: number;
  profiles: ProfileMap;
  config: CliFileView | undefined;
  credentialsFile: string;
  configFile: string;
  unparsable: FileKind | null;
  amtcExpiresAt: number | null;
}

export function chainInput(p: ChainFilesParsed, o: StatusChainOptions): ChainInput {
  return {
    env: p.env,
    home: o.home,
    now: p.now,
    ...(o.profileFlag !== undefined ? { profileFlag: o.profileFlag } : {}),
    ...(o.botoDefaults ? { botoDefaults: o.botoDefaults } : {}),
    profiles: p.profiles,
    ssoSession: (name) => {
      const section = p.config?.sections.find((s) => s.name.startsWith('sso-session') && s.name.slice('sso-session'.length).trim() === name && /^sso-session\s/.test(s.name));
      return section && p.config ? sectionValues(p.config, section) : undefined;
    },
    credentialsFile: p.credentialsFile,
    configFile: p.configFile,
    unparsable: p.unparsable,
    amtc: p.amtcExpiresAt === null ? null : { expiresAt: p.amtcExpiresAt },
  };
}

export function statusChain(p: ChainFilesParsed, o: StatusChainOptions): ChainResult {
  return resolveChain(chainInput(p, o), o.read ?? (() => undefined), o.answers ?? {});
}
