// The columns of an inquiry import, found by their Chinese headers (the names of the 新建咨询 form), with the
// other names people give them in their own sheets. Which headers must be there, and how a header row maps.
import { domainError } from 'yunzhou/plugin';

export type ImportField =
  | 'companyName' | 'mobile' | 'contactName' | 'gender' | 'level' | 'nextFollowUpAt' | 'source' | 'propertyType'
  | 'owner' | 'department' | 'remark' | 'taxId';

export interface ImportColumn {
  readonly field: ImportField;
  /** The header of the template. */
  readonly header: string;
  /** Other headers that mean the same column (compared after normalizeHeader). */
  readonly aliases: readonly string[];
  /** The file must have this column (its value is required and nothing fills it in). */
  readonly required: boolean;
  /** What the column takes, for the template's reader and the docs. */
  readonly hint: string;
  readonly width: number;
}

/** The template's columns, in the form's order. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'companyName', header: '企业名称', aliases: ['公司名称', '企业', '公司'], required: true, hint: '必填', width: 24 },
  { field: 'mobile', header: '客户手机号码', aliases: ['手机号码', '手机号', '客户手机号', '手机', '联系电话', '联系人手机'], required: true, hint: '必填，11 位大陆手机号', width: 16 },
  { field: 'contactName', header: '客户姓名', aliases: ['姓名', '联系人', '联系人姓名'], required: true, hint: '必填', width: 10 },
  { field: 'gender', header: '客户性别', aliases: ['性别'], required: true, hint: '必填：男 / 女', width: 10 },
  { field: 'level', header: '客户级别', aliases: ['级别', '客户等级', '等级'], required: true, hint: '必填：A / B / C（或 A类 高价值）', width: 14 },
  { field: 'nextFollowUpAt', header: '下次跟进时间', aliases: ['下次跟进', '跟进时间'], required: false, hint: '如 2026-12-01 10:00；留空按级别生成', width: 18 },
  { field: 'source', header: '客户来源', aliases: ['来源'], required: true, hint: '必填，机构的客户来源之一', width: 12 },
  { field: 'propertyType', header: '客户房产', aliases: ['房产', '房产情况', '房产类型'], required: true, hint: '必填，机构的客户房产之一', width: 12 },
  { field: 'owner', header: '负责人', aliases: ['负责人手机号', '负责人姓名', '跟进人'], required: false, hint: '姓名或手机号；留空为导入人；填“公海”放入咨询公海', width: 14 },
  { field: 'department', header: '所属部门', aliases: ['部门'], required: false, hint: '部门名称；留空为负责人的部门', width: 16 },
  { field: 'remark', header: '客户备注', aliases: ['备注'], required: true, hint: '必填', width: 30 },
  { field: 'taxId', header: '企业税号', aliases: ['税号', '统一社会信用代码', '纳税人识别号'], required: false, hint: '选填，18 位统一社会信用代码', width: 22 },
];

/** The header of each field, for messages ("客户手机号码：…"). */
export const HEADER_OF: Readonly<Record<ImportField, string>> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, c.header])) as Record<ImportField, string>;

/** Headers compare without spaces, a required-mark star, a trailing colon or note in brackets: "客户手机号码*（必填）" is 客户手机号码. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*:：]/g, '')
    .toLowerCase();
}

const BY_NAME = new Map<string, ImportColumn>();
for (const c of IMPORT_COLUMNS) for (const name of [c.header, ...c.aliases]) BY_NAME.set(normalizeHeader(name), c);

export interface MappedColumn {
  /** Position in the row (0-based). */
  readonly index: number;
  readonly field: ImportField;
  /** The header as the file wrote it. */
  readonly header: string;
}

export interface HeaderMap {
  readonly columns: readonly MappedColumn[];
  /** Headers that match no column; their values are not read. */
  readonly ignored: readonly string[];
}

/**
 * A header row maps each recognised header to its field; a file without every required column, or with one
 * column twice, is refused as a whole (no row could be read correctly), naming the columns.
 */
export function mapHeaders(headerRow: readonly string[]): HeaderMap {
  const columns: MappedColumn[] = [];
  const ignored: string[] = [];
  const seen = new Map<ImportField, string>();
  headerRow.forEach((raw, index) => {
    const header = raw.trim();
    if (!header) return;
    const column = BY_NAME.get(normalizeHeader(header));
    if (!column) {
      ignored.push(header);
      return;
    }
    const earlier = seen.get(column.field);
    if (earlier !== undefined) {
      throw domainError(
        'import.duplicate_column', 'invalid',
        `表头「${earlier}」和「${header}」都是「${column.header}」列，请只保留一列`,
        `The headers "${earlier}" and "${header}" are both the ${column.header} column; keep one`,
        { column: column.header, headers: [earlier, header] },
      );
    }
    seen.set(column.field, header);
    columns.push({ index, field: column.field, header });
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !seen.has(c.field)).map((c) => c.header);
  if (missing.length) {
    const found = headerRow.map((h) => h.trim()).filter(Boolean);
    throw domainError(
      'import.missing_columns', 'invalid',
      `文件第一行缺少必需的列：${missing.join('、')}。请下载导入模板，按模板的表头填写${found.length ? `（当前表头：${found.slice(0, 20).join('、')}）` : '（第一行是空的）'}`,
      `The first row lacks required columns: ${missing.join(', ')}. Download the template and use its headers`,
      { missing, found: found.slice(0, 50) },
    );
  }
  return { columns, ignored };
}
