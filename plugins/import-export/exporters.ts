// 导出: any list to .xlsx. An exporter names a list, its Chinese columns, its filters (the list endpoint's own
// JSON Schema) and how to read it page by page through the area's list use case, so the list's permission,
// data scope and masking apply to the export exactly as to the screen. The plugin's registry holds them;
// each gets a route /api/v1/plugins/import-export/exports/<name>.xlsx.
import {
  inquiryListQueryOf, inquiryListQuerySchema, localDateTime, stageLabel,
  type Actor, type InquiryListQuery, type PluginServices, type SheetColumn, type SheetRow,
} from 'yunzhou/plugin';

export interface ExportContext {
  readonly actor: Actor;
  /** The validated query string (the exporter's own schema). */
  readonly query: Readonly<Record<string, any>>;
  /** The list use cases an exporter reads through. */
  readonly services: Pick<PluginServices, 'inquiries' | 'organisation'>;
}

export interface Exporter {
  /** The list's name in the URL: exports/<name>.xlsx (lowercase letters, digits, dashes). */
  readonly name: string;
  /** 中文 title: the sheet's and the file's name. */
  readonly title: string;
  readonly summary?: string;
  /** JSON Schema properties of the filters (as the list endpoint's query); additional properties are refused. */
  readonly query?: Readonly<Record<string, unknown>>;
  readonly columns: readonly SheetColumn[];
  /** The rows, read page by page with the list's own checks (a refusal is thrown by the first page). */
  rows(ctx: ExportContext): AsyncIterable<SheetRow>;
}

const NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** The exporters the plugin serves; register before createCrm (each gets its own route and schema). */
export class ExporterRegistry {
  private readonly byName = new Map<string, Exporter>();
  private frozen = false;

  register(exporter: Exporter): this {
    if (this.frozen) throw new Error(`Exporter "${exporter.name}" registered too late: register exporters before createCrm() loads the plugin`);
    if (!NAME.test(exporter.name)) throw new Error(`Exporter name "${exporter.name}" must be lowercase letters, digits and dashes`);
    if (this.byName.has(exporter.name)) throw new Error(`An exporter named "${exporter.name}" is already registered`);
    this.byName.set(exporter.name, exporter);
    return this;
  }

  get(name: string): Exporter | undefined {
    return this.byName.get(name);
  }

  list(): Exporter[] {
    return [...this.byName.values()];
  }

  /** Called when the plugin registers its routes. */
  freeze(): void {
    this.frozen = true;
  }
}

const text = (header: string, key: string, width = 14): SheetColumn => ({ header, key, kind: 'text', width });
const minute = (d: Date | null, zone: string): string | null => (d ? localDateTime(d, zone).slice(0, 16) : null);

/** The 咨询 list's filters without its paging (an export takes every matching row). */
function withoutPaging(schema: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { limit: _l, cursor: _c, withTotal: _w, ...rest } = schema as Record<string, unknown>;
  return rest;
}

/**
 * 咨询 / 准客户 / 客户: the /inquiries list with its filters, data scope and mobile masking; the first columns
 * are the import's, so an export can be corrected and imported into another firm.
 */
export const inquiriesExporter: Exporter = {
  name: 'inquiries',
  title: '咨询',
  summary: '咨询列表 (the /inquiries filters; lifecycle=prospect for 准客户)',
  query: withoutPaging(inquiryListQuerySchema),
  columns: [
    text('企业名称', 'companyName', 24), text('客户手机号码', 'mobile', 16), text('客户姓名', 'contactName', 10), text('客户性别', 'gender', 8),
    text('客户级别', 'level', 14), text('下次跟进时间', 'nextFollowUpAt', 18), text('客户来源', 'source', 12), text('客户房产', 'propertyType', 12),
    text('负责人', 'owner', 10), text('所属部门', 'department', 16), text('客户备注', 'remark', 30), text('企业税号', 'taxId', 22),
    text('阶段', 'stage', 8), text('最近跟进时间', 'lastFollowUpAt', 18), text('创建时间', 'createdAt', 18),
  ],
  async *rows({ actor, query, services }) {
    const svc = services.inquiries;
    const q = inquiryListQueryOf(query) as InquiryListQuery;
    let cursor: string | undefined;
    do {
      const page = await svc.list(actor, q, { limit: 500, ...(cursor ? { cursor } : {}) });
      for (const r of page.items) {
        yield {
          companyName: r.companyName, mobile: r.mobile, contactName: r.contactName, gender: r.gender === 'male' ? '男' : '女', level: r.levelLabel,
          nextFollowUpAt: minute(r.nextFollowUpAt, actor.timeZone), source: r.source, propertyType: r.propertyType, owner: r.ownerName,
          department: r.departmentName, remark: r.remark, taxId: r.taxId, stage: stageLabel(r), lastFollowUpAt: minute(r.lastFollowUpAt, actor.timeZone),
          createdAt: minute(r.createdAt, actor.timeZone),
        };
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  },
};

/** 用户: the /users list with its filters; mobiles masked unless the actor manages the organisation. */
export const usersExporter: Exporter = {
  name: 'users',
  title: '用户',
  summary: '用户列表 (the /users filters)',
  query: {
    departmentId: { type: 'string', format: 'uuid' }, active: { type: 'boolean' }, keyword: { type: 'string', maxLength: 50 }, role: { type: 'string', maxLength: 40 },
  },
  columns: [text('姓名', 'name', 10), text('手机号码', 'mobile', 16), text('所属部门', 'department', 16), text('角色', 'roles', 20), text('状态', 'status', 8), text('创建时间', 'createdAt', 18)],
  async *rows({ actor, query, services }) {
    const org = services.organisation;
    const filter = { departmentId: query.departmentId, active: query.active, keyword: query.keyword, roleCode: query.role };
    let cursor: string | undefined;
    let names: { departments: Map<string, string>; roles: Map<string, string> } | null = null;
    do {
      const page = await org.listUsers(actor, filter, { limit: 500, ...(cursor ? { cursor } : {}) });
      names ??= {
        departments: new Map((await org.listDepartments(actor)).map((d) => [d.id, d.name])),
        roles: new Map((await org.listRoles(actor)).map((r) => [r.code, r.name])),
      };
      for (const u of page.items) {
        yield {
          name: u.name, mobile: u.mobile, department: u.departmentId ? (names.departments.get(u.departmentId) ?? null) : null,
          roles: u.roleCodes.map((c) => names?.roles.get(c) ?? c).join('、'), status: u.active ? '在职' : '停用', createdAt: minute(u.createdAt, actor.timeZone),
        };
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  },
};
