// The two header lines Cloud9 writes above its managed [default] section. What the 64-hex line
// hashes is not known, so it is only checked for shape, never recomputed or rewritten.

export const AMTC_HEADER_PREFIX = '# Do not modify this file, if this file is modified it will not be updated.';
const HASH_LINE = /^# [0-9a-f]{64} #$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// "...recreated on Tue Dec 24 2019 05:45:03 GMT+0000 (UTC)." — JavaScript Date#toString() style.
const RECREATED_ON = /recreated on \w{3} (\w{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-])(\d{2})(\d{2})/;

export interface AmtcHeader {
  /** When Cloud9 says it will write the file again, epoch ms (undefined if unreadable). */
  nextRefreshAt?: number;
  /** Line 2 is a well-formed hash line. */
  hashLineOk: boolean;
}

/** Reads the header if the text starts with Cloud9's, else undefined. */
export function readAmtcHeader(text: string): AmtcHeader | undefined {
  if (!text.startsWith(AMTC_HEADER_PREFIX)) return undefined;
  const firstBreak = text.search(/\r\n|\r|\n/);
  const line1 = firstBreak < 0 ? text : text.slice(0, firstBreak);
  const rest = firstBreak < 0 ? '' : text.slice(firstBreak + (text.startsWith('\r\n', firstBreak) ? 2 : 1));
  const secondBreak = rest.search(/\r\n|\r|\n/);
  const line2 = secondBreak < 0 ? rest : rest.slice(0, secondBreak);
  const header: AmtcHeader = { hashLineOk: HASH_LINE.test(line2) };
  const when = parseRecreatedOn(line1);
  if (when !== undefined) header.nextRefreshAt = when;
  return header;
}

function parseRecreatedOn(line: string): number | undefined {
  const m = RECREATED_ON.exec(line);
  if (!m) return undefined;
  const [, mon, day, year, hh, mm, ss, sign, oh, om] = m;
  const month = MONTHS.indexOf(mon!);
  if (month < 0) return undefined;
  const utc = Date.UTC(Number(year), month, Number(day), Number(hh), Number(mm), Number(ss));
  const offsetMin = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  return utc - offsetMin * 60_000;
}

/** Formats a time the way Cloud9 writes it into the header (used by the simulator and tests). */
export function formatRecreatedOn(epochMs: number): string {
  const d = new Date(epochMs);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`;
}

export function amtcHeaderLines(nextRefreshAt: number, hash: string): string[] {
  return [
    `${AMTC_HEADER_PREFIX} If the file is deleted, it will be recreated on ${formatRecreatedOn(nextRefreshAt)}.`,
    `# ${hash} #`,
  ];
}
