// The SpreadsheetWriter port on exceljs's streaming workbook writer: rows go into the zip as they are read, so
// an export of many thousand receipts never sits in memory as a workbook. Money (fen) becomes yuan numbers
// with two decimals, so that Excel can sum the column; dates stay 'YYYY-MM-DD' text, exactly as stored.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetColumn, SheetRow, SheetSpec, SpreadsheetWriter } from '../../core/documents/spreadsheet.js';

function cell(column: SheetColumn, value: string | number | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'money' && typeof value === 'number') return value / 100;
  return value;
}

export class ExcelJsSpreadsheetWriter implements SpreadsheetWriter {
  write(sheet: SheetSpec, rows: AsyncIterable<SheetRow>): AsyncIterable<Uint8Array> {
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header, key: c.key, width: c.width ?? 12, style: c.kind === 'money' ? { numFmt: '#,##0.00' } : c.kind === 'integer' ? { numFmt: '0' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    void (async () => {
      try {
        for await (const row of rows) {
          ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, cell(c, row[c.key])]))).commit();
        }
        ws.commit();
        await workbook.commit();
      } catch (e) {
        out.destroy(e instanceof Error ? e : new Error(String(e)));
      }
    })();
    return out;
  }
}
