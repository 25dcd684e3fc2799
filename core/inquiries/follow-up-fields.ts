// The fields of step 2 (新建跟进): type, content, next follow-up time and an optional re-grade.
import { validationFailed, type FieldError } from '../shared/index.js';
import { futureInstant, requiredChoice, requiredText } from './field-checks.js';
import type { InquirySettings } from './types.js';

export interface FollowUpInput {
  readonly type?: string | undefined;
  readonly content?: string | undefined;
  readonly nextFollowUpAt?: Date | string | undefined;
  /** Absent: the level stays. */
  readonly level?: string | undefined;
}

export interface FollowUpFields {
  readonly type: string;
  readonly content: string;
  readonly nextFollowUpAt: Date;
  readonly level: string | null;
}

export const FOLLOW_UP_CONTENT_MAX = 2000;

/**
 * Type (from the tenant's 跟进类型), content and next follow-up time are required; the next follow-up is not
 * in the past; a new level, when given, is one of the tenant's levels. Every problem at once, by field.
 */
export function checkFollowUpFields(input: FollowUpInput, ctx: { settings: Pick<InquirySettings, 'grading' | 'dictionaries'>; now: Date }): FollowUpFields {
  const errors: FieldError[] = [];
  const type = requiredChoice(input.type, '/type', ctx.settings.dictionaries.followUpTypes, '跟进类型', errors);
  const content = requiredText(input.content, '/content', FOLLOW_UP_CONTENT_MAX, errors);
  const nextFollowUpAt = futureInstant(input.nextFollowUpAt, '/nextFollowUpAt', ctx.now, errors);
  const level =
    input.level === undefined ? null : requiredChoice(input.level, '/level', ctx.settings.grading.levels.map((l) => l.code), '客户级别', errors);
  if (errors.length || type === undefined || content === undefined || nextFollowUpAt === undefined || level === undefined) {
    throw validationFailed(errors);
  }
  return { type, content, nextFollowUpAt, level };
}
