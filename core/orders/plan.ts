// The plan (方案, step 5): what must be written before it counts, checked in one go.
import { validationFailed, isLocalDateText, type FieldError } from '../shared/index.js';

export interface PlanInput {
  readonly projectName: string;
  readonly overview: string;
  readonly expectedCompletion: string;
  readonly financialPlan?: string | null | undefined;
  readonly financingAdvice: string;
}

export type CheckedPlan = Required<Omit<PlanInput, 'financialPlan'>> & { readonly financialPlan: string | null };

const required = (path: string, zh: string, en: string): FieldError => ({ path, code: 'required', zh: `请填写${zh}`, en: `${en} is required` });

/**
 * A plan needs its project name (项目名称), overview and qualification analysis (项目概述、资质分析), expected
 * completion date (预计完成时间, a real date) and financing advice (融资规划建议); the financial plan and use of
 * funds (财务计划、用途) is optional.
 */
export function checkPlanInput(input: PlanInput): CheckedPlan {
  const errors: FieldError[] = [];
  const projectName = input.projectName.trim();
  const overview = input.overview.trim();
  const financingAdvice = input.financingAdvice.trim();
  const expectedCompletion = input.expectedCompletion.trim();
  if (!projectName) errors.push(required('/projectName', '项目名称', 'The project name'));
  if (!overview) errors.push(required('/overview', '项目概述、资质分析', 'The overview and qualification analysis'));
  if (!financingAdvice) errors.push(required('/financingAdvice', '融资规划建议', 'The financing advice'));
  if (!isLocalDateText(expectedCompletion)) {
    errors.push({ path: '/expectedCompletion', code: 'date', zh: '预计完成时间须为有效日期（YYYY-MM-DD）', en: 'The expected completion must be a real date (YYYY-MM-DD)' });
  }
  if (errors.length) throw validationFailed(errors);
  const financialPlan = input.financialPlan?.trim() || null;
  return { projectName, overview, expectedCompletion, financialPlan, financingAdvice };
}
