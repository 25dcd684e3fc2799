// The port for spreadsheet exports (.xlsx): core describes the sheet and hands rows over as they are read;
// an adapter writes the workbook as a stream, so a long list never sits in memory whole.

export type SheetCellKind = 'text' | 'money' | 'date' | 'integer';

export interface SheetColumn {
  /** The header people read: 回款日期. */
  readonly header: string;
  readonly key: string;
  /** money: integer fen, shown in yuan with two decimals; date: 'YYYY-MM-DD'. */
  readonly kind: SheetCellKind;
  /** Width in characters. */
  readonly width?: number;
}

export interface SheetSpec {
  /** The sheet's name (at most 31 characters). */
  readonly name: string;
  readonly columns: readonly SheetColumn[];
}

export type SheetRow = Readonly<Record<string, string | number | null>>;

export interface SpreadsheetWriter {
  /** The bytes of an .xlsx workbook with one sheet, produced while the rows are read. */
  write(sheet: SheetSpec, rows: AsyncIterable<SheetRow>): AsyncIterable<Uint8Array>;
}
export const SpreadsheetWriter = Symbol.for('yunzhou.SpreadsheetWriter');

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
