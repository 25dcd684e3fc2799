// Fixture builders for the inquiry rules: records, actors and settings, each overridable in part.
import type { Actor, DataScope } from '../../../core/organisation/actor.js';
import { DEFAULT_INQUIRY_SETTINGS } from '../../../core/inquiries/settings.js';
import type { InquiryDetail, InquirySettings } from '../../../core/inquiries/types.js';
import type { InquiryInput } from '../../../core/inquiries/inquiry-fields.js';

export const NOW = new Date('2021-10-15T07:10:24Z'); // 15:10:24 in Shanghai, the brochure's screenshot

/** The brochure's 盛博科技 / 郑盛, owned by 孙露露 (u-sun) in 三：新媒体运营中心 (d-3). */
export function anInquiry(over: Partial<InquiryDetail> = {}): InquiryDetail {
  return {
    tenantId: 't-daxin', id: 'i-shengbo', companyName: '盛博科技', companyKey: '盛博科技', contactName: '郑盛', mobile: '15213801285',
    gender: 'male', level: 'B', nextFollowUpAt: new Date('2021-10-18T07:10:24Z'), lastFollowUpAt: null, source: '电销', propertyType: '按揭房',
    ownerId: 'u-sun', departmentId: 'd-3', remark: '测试', taxId: null, lifecycle: 'inquiry', mergedIntoId: null, assignedAt: null,
    poolEnteredAt: null, recycleRemindedFor: null, createdBy: 'u-sun', createdAt: NOW, updatedAt: NOW, version: 1,
    ownerName: '孙露露', departmentName: '三：新媒体运营中心', ...over,
  };
}

export function anActor(over: Partial<Actor> & { scope?: DataScope; perms?: string[] } = {}): Actor {
  const { scope, perms, ...rest } = over;
  return {
    tenantId: 't-daxin', userId: 'u-sun', name: '孙露露', departmentId: 'd-3', roles: ['sales'],
    permissions: new Set(perms ?? ['inquiry.read', 'inquiry.write']), dataScope: scope ?? 'self', visibleDepartmentIds: [],
    timeZone: 'Asia/Shanghai', ...rest,
  };
}

/** 王经理: department_tree over d-3 and its child d-3a, with the manager's permissions. */
export function aManager(over: Partial<Actor> = {}): Actor {
  return anActor({
    userId: 'u-wang', name: '王经理', roles: ['manager'], scope: 'department_tree', visibleDepartmentIds: ['d-3', 'd-3a'],
    perms: ['inquiry.read', 'inquiry.write', 'inquiry.merge', 'inquiry.view_mobile', 'pool.assign'], ...over,
  });
}

export function someSettings(over: Partial<InquirySettings> = {}): InquirySettings {
  return { ...DEFAULT_INQUIRY_SETTINGS, ...over };
}

/** The brochure's step-1 form, filled in. */
export function aForm(over: Partial<Record<keyof InquiryInput, unknown>> = {}): InquiryInput {
  return {
    companyName: '盛博科技', mobile: '15213801285', contactName: '郑盛', gender: 'male', level: 'B',
    nextFollowUpAt: '2021-10-15T15:10:24+08:00', source: '电销', propertyType: '按揭房', remark: '测试', ...over,
  } as InquiryInput;
}
