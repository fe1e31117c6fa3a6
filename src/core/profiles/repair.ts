// Repair, SPEC §5: move everything Cloud9 did not write out of a managed credentials file into the
// config file (`[NAME]` → `[profile NAME]`), leaving the header and Cloud9's [default] lines as they
// are. A key present in both places with different values is a clash and is never resolved silently.
import { readAmtcHeader } from '../amtc/header';
import { CLOUD9_KEYS } from '../amtc/state';
import { CliSection, parseCliView } from '../ini/cliView';
import { dominantEol, IniDocument, lineEndWithBreak, parseDocument } from '../ini/document';
import { PROFILE_NAME, setProfileKeys } from '../ini/edit';
import { buildProfileMap } from '../ini/profiles';

export interface Clash {
  profile: string;
  key: string;
}

export interface RepairPlan {
  /** Profiles that move (or whose keys join an existing config profile). */
  moves: string[];
  clashes: Clash[];
  /** Sections whose names cannot be written as `[profile NAME]` (spaces, quotes): left for the user. */
  unmovable: string[];
  newCredentials: string;
  newConfig: string;
}

export type RepairRefusal = 'not-managed' | 'nothing-to-repair' | 'cli-cannot-parse';

export type Prefer = 'credentials' | 'config';

export function planRepair(credentials: string, config: string, prefer?: Prefer): RepairPlan | RepairRefusal {
  if (!readAmtcHeader(credentials)) return 'not-managed';
  const cdoc = parseDocument(credentials);
  const cview = parseCliView(cdoc);
  const configView = parseCliView(parseDocument(config));
  if (cview.error || configView.error) return 'cli-cannot-parse';
  const configProfiles = buildProfileMap(configView, undefined);
  const keep = new Set<number>([0, 1]);
  const moves: string[] = [];
  const clashes: Clash[] = [];
  const unmovable: string[] = [];
  let newConfig = config;
  const firstSection = cview.sections[0]?.headerLine ?? cdoc.lineCount;
  for (let i = 2; i < firstSection; i++) if (isBlank(cdoc, i)) keep.add(i);
  for (const section of cview.sections) {
    const isDefault = section.name === 'default';
    if (isDefault) keep.add(section.headerLine);
    const moving: CliSection['options'] = new Map();
    for (const [key, opt] of section.options) {
      if (isDefault && CLOUD9_KEYS.has(key) && opt.line === opt.lastLine) keep.add(opt.line);
      else moving.set(key, opt);
    }
    if (moving.size === 0 && isDefault) continue;
    const target = isDefault ? 'default' : section.name;
    if (!isDefault && !PROFILE_NAME.test(target)) {
      unmovable.push(target);
      for (let i = section.headerLine; i < section.endLine; i++) keep.add(i);
      continue;
    }
    const existing = configProfiles.get(target);
    const keys: [string, string][] = [];
    for (const [key, opt] of moving) {
      const mine = existing?.values.get(key);
      if (mine !== undefined && mine !== opt.raw && prefer !== 'credentials') {
        if (prefer !== 'config') clashes.push({ profile: target, key });
        continue;
      }
      if (mine !== opt.raw) keys.push([key, opt.raw]);
    }
    moves.push(target);
    if (keys.length === 0) continue;
    if (!existing && !isDefault) {
      newConfig = appendVerbatim(newConfig, cdoc, section, target);
      continue;
    }
    // Joins an existing config section (what `aws configure --profile x` leaves: region there, keys here).
    const r = setProfileKeys(newConfig, { file: 'config', profile: target, keys, replace: true });
    if (!r.ok) return 'cli-cannot-parse';
    newConfig = r.text;
  }
  if (moves.length === 0 && unmovable.length === 0) return 'nothing-to-repair';
  return { moves, clashes, unmovable, newCredentials: keptText(cdoc, keep), newConfig };
}

function isBlank(doc: IniDocument, i: number): boolean {
  return doc.text.slice(doc.starts[i], doc.ends[i]).trim() === '';
}

/** The kept lines with their own line breaks, without trailing blank lines (Cloud9 writes none). */
function keptText(doc: IniDocument, keep: Set<number>): string {
  const lines = [...keep].sort((a, b) => a - b);
  while (lines.length > 2 && isBlank(doc, lines.at(-1)!)) lines.pop();
  return lines.map((i) => doc.text.slice(doc.starts[i], lineEndWithBreak(doc, i))).join('');
}

/** The section's lines as the user wrote them (comments, nested blocks), under `[profile NAME]`. */
function appendVerbatim(config: string, cdoc: IniDocument, section: CliSection, name: string): string {
  let body = cdoc.text.slice(lineEndWithBreak(cdoc, section.headerLine), section.endLine < cdoc.lineCount ? cdoc.starts[section.endLine] : cdoc.text.length);
  // Moved lines take the destination file's line breaks; trailing blank lines are dropped.
  const eol = config ? dominantEol(parseDocument(config)) : '\n';
  body = body.replace(/\s+$/, '').split(/\r\n|\r|\n/).join(eol) + eol;
  let prefix = config;
  if (prefix && !/[\r\n]$/.test(prefix)) prefix += eol;
  if (prefix && !/(\r?\n|\r)\s*(\r?\n|\r)$/.test(prefix)) prefix += eol;
  return `${prefix}[profile ${name}]${eol}${body}`;
}
