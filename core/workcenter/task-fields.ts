// The fields of a task as a person types them: a title, an optional description, due time, priority and
// related record. Every problem is reported at once, per field.
import { validationFailed, type FieldError } from '../shared/index.js';
import { RELATED_TYPES, TASK_PRIORITIES, type TaskPriority } from './task.js';

export interface TaskFieldsInput {
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly dueAt?: Date | null | undefined;
  readonly priority?: string | undefined;
  readonly related?: { readonly type: string; readonly id: string } | null | undefined;
}

export interface TaskFields {
  readonly title?: string;
  readonly description?: string;
  readonly dueAt?: Date | null;
  readonly priority?: TaskPriority;
  readonly relatedType?: string | null;
  readonly relatedId?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A title of 1–200 characters, a description up to 2000, a known priority and related type, a valid time. */
export function checkTaskFields(input: TaskFieldsInput, requireTitle: boolean): TaskFields {
  const errors: FieldError[] = [];
  const out: { -readonly [K in keyof TaskFields]: TaskFields[K] } = {};
  if (input.title !== undefined || requireTitle) {
    const title = (input.title ?? '').trim();
    if (title === '') errors.push({ path: '/title', code: 'required', zh: '请填写任务标题', en: 'The title is required' });
    else if (title.length > 200) errors.push({ path: '/title', code: 'too_long', zh: '任务标题不能超过 200 字', en: 'The title is at most 200 characters' });
    else out.title = title;
  }
  if (input.description !== undefined) {
    if (input.description.length > 2000) errors.push({ path: '/description', code: 'too_long', zh: '任务描述不能超过 2000 字', en: 'The description is at most 2000 characters' });
    else out.description = input.description.trim();
  }
  if (input.dueAt !== undefined) {
    if (input.dueAt !== null && Number.isNaN(input.dueAt.getTime())) errors.push({ path: '/dueAt', code: 'invalid', zh: '截止时间无效', en: 'The due time is not valid' });
    else out.dueAt = input.dueAt;
  }
  if (input.priority !== undefined) {
    if (!(TASK_PRIORITIES as readonly string[]).includes(input.priority)) errors.push({ path: '/priority', code: 'enum', zh: '优先级应为 低/普通/高/紧急', en: 'Priority is one of low, normal, high, urgent' });
    else out.priority = input.priority as TaskPriority;
  }
  if (input.related !== undefined) {
    if (input.related === null) {
      out.relatedType = null;
      out.relatedId = null;
    } else if (!(RELATED_TYPES as readonly string[]).includes(input.related.type)) {
      errors.push({ path: '/related/type', code: 'enum', zh: `关联记录类型应为 ${RELATED_TYPES.join('、')} 之一`, en: `The related record type is one of ${RELATED_TYPES.join(', ')}` });
    } else if (!UUID.test(input.related.id)) {
      errors.push({ path: '/related/id', code: 'invalid', zh: '关联记录编号无效', en: 'The related record id is not valid' });
    } else {
      out.relatedType = input.related.type;
      out.relatedId = input.related.id;
    }
  }
  if (errors.length) throw validationFailed(errors);
  return out;
}
