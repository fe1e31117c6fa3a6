// The IAM console's "Download .csv file" for a new access key: a header row with
// "Access key ID,Secret access key" (sometimes "User name" first), then one row. BOM and CRLF happen.

export interface CsvKeys {
  accessKeyId: string;
  secretAccessKey: string;
  userName?: string;
}

export type CsvProblem = 'no-header' | 'no-row' | 'too-large';

export function parseAccessKeyCsv(text: string): CsvKeys | CsvProblem {
  if (text.length > 64 * 1024) return 'too-large';
  const rows = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '').map(splitCsvLine);
  const header = rows[0]?.map((h) => h.trim().toLowerCase());
  const idCol = header?.indexOf('access key id') ?? -1;
  const secretCol = header?.indexOf('secret access key') ?? -1;
  if (!header || idCol < 0 || secretCol < 0) return 'no-header';
  const row = rows[1];
  const accessKeyId = row?.[idCol]?.trim();
  const secretAccessKey = row?.[secretCol]?.trim();
  if (!row || !accessKeyId || !secretAccessKey) return 'no-row';
  const userCol = header.indexOf('user name');
  const userName = userCol >= 0 ? row[userCol]?.trim() : undefined;
  return userName ? { accessKeyId, secretAccessKey, userName } : { accessKeyId, secretAccessKey };
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}
