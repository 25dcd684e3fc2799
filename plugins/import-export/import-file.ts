// Reading an uploaded import file: which format the bytes are (never the name), its rows as text cells
// (the first worksheet of an .xlsx, streamed; a CSV in any of the encodings people save), the header row
// mapped to the columns, and every failure of a damaged or foreign file as a DomainError a person can act on.
import { open, readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { domainError, isDomainError, type DomainError } from 'yunzhou/plugin';
import { excelDateText } from './cell-values.js';
import { decodeCsv, looksLikeText, parseCsv } from './csv.js';
import { mapHeaders, type HeaderMap, type ImportField } from './columns.js';
import { worksheetsLast } from './zip-order.js';

export type ImportFormat = 'xlsx' | 'csv';

/** One data row: its row number in the sheet (or line of the CSV) and the values of the mapped columns. */
export interface RawRow {
  readonly row: number;
  /** The mapped columns' values, in the header map's order (what the report shows again). */
  readonly cells: readonly string[];
  readonly values: Readonly<Partial<Record<ImportField, string>>>;
}

export interface ImportFileContent {
  readonly header: HeaderMap;
  readonly rows: readonly RawRow[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function emptyFile(): DomainError {
  return domainError('import.empty_file', 'invalid', '文件是空的，请选择填好数据的 .xlsx 或 .csv 文件', 'The file is empty; choose an .xlsx or .csv file with data');
}

/** The format the first bytes prove: a zip is an .xlsx candidate, text a CSV; an old .xls or anything else is refused. */
export function sniffFormat(head: Uint8Array): ImportFormat {
  if (head.length === 0) throw emptyFile();
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) {
    throw domainError('import.unsupported_file', 'invalid', '不支持旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入', 'Old Excel (.xls) files are not supported: save as .xlsx or CSV in Excel and import that', { format: 'xls' });
  }
  if (looksLikeText(head)) return 'csv';
  throw domainError('import.unsupported_file', 'invalid', '文件不是 Excel（.xlsx）或 CSV 文件（按文件内容识别，与文件名无关），请使用导入模板', 'The file is neither an Excel (.xlsx) nor a CSV file (recognised from its content, not its name); use the import template');
}

/** The first bytes of a file, for sniffFormat. */
export async function fileHead(path: string, bytes = 64 * 1024): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function unreadable(format: ImportFormat, cause: unknown): DomainError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return format === 'xlsx'
    ? domainError('import.unreadable_file', 'invalid', '文件无法读取：不是有效的 Excel（.xlsx）文件，或文件已损坏。请在 Excel 中重新保存后再导入', 'The file cannot be read: it is not a valid Excel (.xlsx) workbook, or it is damaged. Save it again in Excel and retry', { cause: why.slice(0, 200) })
    : domainError('import.unreadable_file', 'invalid', '文件无法读取：CSV 内容已损坏', 'The file cannot be read: the CSV is damaged', { cause: why.slice(0, 200) });
}

/** A cell as exceljs gives it (string, number, Date, rich text, formula, hyperlink …) as the text a person sees. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return excelDateText(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if ('error' in o) return '';
  }
  return '';
}

/** Bytes decoded as UTF-8 across chunk boundaries (a character split between two chunks stays whole). */
async function* utf8Chunks(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

type Entry = NodeJS.ReadableStream & { setEncoding(encoding: 'utf8'): unknown };
const StreamReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: NodeJS.ReadableStream, options: object) => AsyncIterable<any>;
const hooks = ['_parseSharedStrings', '_parseStyles', '_parseWorkbook', '_parseWorksheet'] as const;
if (hooks.some((h) => typeof (StreamReader.prototype as Record<string, unknown>)[h] !== 'function')) {
  throw new Error(`exceljs changed: the import reader needs WorkbookReader.${hooks.join(', ')} (written for exceljs 4.4.0)`);
}

/**
 * exceljs 4.4.0's streaming reader decodes each inflated chunk of XML on its own, so a Chinese character
 * split across two chunks turns into U+FFFD (盛博科技 → 盛博���技, about once in 4,000 cells). This reader
 * hands it text decoded across chunk boundaries instead, for the shared strings, the styles (number formats),
 * the workbook and the worksheets. Checked by test/plugins/import-export/xlsx-reader.test.ts.
 */
class Utf8WorkbookReader extends (StreamReader as new (input: NodeJS.ReadableStream, options: object) => any) {
  /**
   * With the worksheets last in the stream (zip-order.ts), the shared strings, when the file has any, are read
   * before them; a file without any (streaming writers use inline strings) starts with an empty table, so
   * that its worksheets are read straight away rather than through temporary files.
   */
  constructor(input: NodeJS.ReadableStream, options: object, worksheetsLast: boolean) {
    super(input, options);
    if (worksheetsLast) this.sharedStrings = [];
  }

  _parseSharedStrings(entry: Entry): unknown {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  _parseStyles(entry: Entry): unknown {
    entry.setEncoding('utf8');
    return super._parseStyles(entry);
  }

  _parseWorkbook(entry: Entry): unknown {
    entry.setEncoding('utf8');
    return super._parseWorkbook(entry);
  }

  _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: string): unknown {
    return super._parseWorksheet(utf8Chunks(iterator), sheetNo);
  }
}

async function* xlsxRows(path: string): AsyncGenerator<{ row: number; cells: string[] }> {
  const { stream: input, reordered } = await worksheetsLast(path);
  try {
    const reader = new Utf8WorkbookReader(input, {
      sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
    }, reordered) as unknown as AsyncIterable<AsyncIterable<{ number: number; values: unknown }>>;
    let sheets = 0;
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        yield { row: row.number, cells: Array.from(values.slice(1), cellText) };
      }
      break; // the first worksheet only
    }
    if (sheets === 0) throw domainError('import.unreadable_file', 'invalid', '文件中没有工作表：请使用导入模板', 'The workbook has no worksheet; use the import template');
  } finally {
    input.destroy();
  }
}

async function* csvRows(path: string): AsyncGenerator<{ row: number; cells: string[] }> {
  const { text } = decodeCsv(await readFile(path));
  for (const r of parseCsv(text)) yield { row: r.line, cells: r.cells };
}

/** Rows with at least one non-blank cell, as text; a damaged file fails with import.unreadable_file. */
export async function* fileRows(path: string, format: ImportFormat): AsyncGenerator<{ row: number; cells: string[] }> {
  const source = format === 'xlsx' ? xlsxRows(path) : csvRows(path);
  for (;;) {
    let next: IteratorResult<{ row: number; cells: string[] }>;
    try {
      next = await source.next();
    } catch (e) {
      throw isDomainError(e) ? e : unreadable(format, e);
    }
    if (next.done) return;
    if (next.value.cells.some((c) => c.trim() !== '')) yield next.value;
  }
}

function noRows(): DomainError {
  return domainError('import.no_rows', 'invalid', '文件只有表头，没有数据行', 'The file has a header row but no data rows');
}

/** The header map of a file, checked before a job is queued; also fails when there is no data row after it. */
export async function readHeader(path: string, format: ImportFormat): Promise<HeaderMap> {
  const rows = fileRows(path, format);
  try {
    const first = await rows.next();
    if (first.done) throw emptyFile();
    const header = mapHeaders(first.value.cells);
    if ((await rows.next()).done) throw noRows();
    return header;
  } finally {
    await rows.return(undefined);
  }
}

/** Every data row of a file with its header map; more than maxRows data rows is refused. */
export async function readImportFile(path: string, format: ImportFormat, maxRows: number): Promise<ImportFileContent> {
  let header: HeaderMap | null = null;
  const rows: RawRow[] = [];
  for await (const r of fileRows(path, format)) {
    if (!header) {
      header = mapHeaders(r.cells);
      continue;
    }
    if (rows.length >= maxRows) {
      throw domainError('import.too_many_rows', 'invalid', `一次最多导入 ${maxRows} 行，请把文件拆分后分批导入`, `At most ${maxRows} rows can be imported at once; split the file`, { maxRows });
    }
    const values: Partial<Record<ImportField, string>> = {};
    const cells = header.columns.map((c) => {
      const v = (r.cells[c.index] ?? '').trim();
      values[c.field] = v;
      return v;
    });
    rows.push({ row: r.row, cells, values });
  }
  if (!header) throw emptyFile();
  if (rows.length === 0) throw noRows();
  return { header, rows };
}
