// An RFC 4180 reader for tests: fields, quotes, doubled quotes, CRLF records (a quoted field may
// hold CR and LF); a text that does not end with CRLF is an error.
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; } else field += ch;
  }
  if (field || record.length) throw new Error('CSV does not end with CRLF');
  return records;
}
