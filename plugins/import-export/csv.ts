// CSV as people's spreadsheets save it: UTF-8 with or without a BOM, the GBK/GB18030 that Excel on a Chinese
// Windows writes for "CSV", or UTF-16 "Unicode text"; commas, semicolons or tabs; quoted fields holding
// delimiters, quotes ("") and line breaks (RFC 4180). Pure functions over bytes and text.
import { domainError } from 'yunzhou/plugin';

/** The encoding a CSV file was written in, and its text. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel's "CSV" on a Chinese Windows is GBK, which GB18030 contains.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Whether bytes look like text a CSV could be: no NUL bytes (binary files have them) unless UTF-16 with its BOM. */
export function looksLikeText(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control <= head.length / 100;
}

/** The delimiter of the header line: whichever of comma, tab and semicolon occurs most outside quotes (comma on a tie). */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/** One record of a CSV and the line it starts on (1-based), so that a report can point at it. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/**
 * RFC 4180 records: a quoted field may hold the delimiter, line breaks and doubled quotes; a quote inside an
 * unquoted field is kept as it is. A quoted field still open at the end of the text is an error naming its line.
 */
export function parseCsv(text: string, delimiter: string = detectDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false; // the current field began with a quote
  let line = 1;
  let recordLine = 1;
  const endField = (): void => {
    cells.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = (): void => {
    endField();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) {
    throw domainError('import.unreadable_file', 'invalid', `CSV 文件第 ${recordLine} 行的引号没有闭合，文件可能已损坏`, `The quote opened on line ${recordLine} of the CSV is never closed; the file may be damaged`, { line: recordLine });
  }
  if (field !== '' || cells.length > 0) endRecord();
  return records;
}
