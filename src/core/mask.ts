// Key ids are shown masked everywhere (ASIA…C001): enough to tell two keys apart, never the whole id.
const KEY_ID = /\b((?:AKIA|ASIA|AIDA|AROA|ABIA|ACCA)[A-Z0-9]{12,})\b/g;

export function maskKeyId(keyId: string): string {
  const id = keyId.trim();
  if (id.length <= 8) return '…';
  return `${id.slice(0, 4)}…${id.slice(-4)}`;
}

/** Masks every AWS key id inside free text (error messages, command lines). */
export function maskKeyIdsIn(text: string): string {
  return text.replace(KEY_ID, (id) => maskKeyId(id));
}
