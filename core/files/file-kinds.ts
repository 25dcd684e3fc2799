// The kinds of file a record can carry (身份证正反面, 营业执照, 方案附件, 合同扫描件, 银行回单, 其他): which content types
// each accepts, and whether a new one replaces the current one. A table, so the rule reads at a glance.
import { CONTENT_TYPES, type ContentType } from './content-type.js';

export const FILE_KINDS = ['id_card_front', 'id_card_back', 'business_licence', 'plan_attachment', 'contract_scan', 'bank_slip', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface FileKindPolicy {
  readonly zh: string;
  readonly en: string;
  readonly contentTypes: readonly ContentType[];
  /** One current file per record: a new upload supersedes the current one, which stays in history. */
  readonly keepsOne: boolean;
}

const IMAGES_AND_PDF: readonly ContentType[] = [CONTENT_TYPES.jpeg, CONTENT_TYPES.png, CONTENT_TYPES.webp, CONTENT_TYPES.pdf];
const OFFICE: readonly ContentType[] = [CONTENT_TYPES.docx, CONTENT_TYPES.xlsx, CONTENT_TYPES.pptx, CONTENT_TYPES.doc, CONTENT_TYPES.xls];

/** ID cards, licence and contract scans are pictures or PDFs; plans and other files may also be office documents. */
export const FILE_KIND_POLICIES: Readonly<Record<FileKind, FileKindPolicy>> = {
  id_card_front: { zh: '身份证正面', en: 'ID card (front)', contentTypes: IMAGES_AND_PDF, keepsOne: true },
  id_card_back: { zh: '身份证反面', en: 'ID card (back)', contentTypes: IMAGES_AND_PDF, keepsOne: true },
  business_licence: { zh: '营业执照', en: 'business licence', contentTypes: IMAGES_AND_PDF, keepsOne: true },
  plan_attachment: { zh: '方案附件', en: 'plan attachment', contentTypes: [...IMAGES_AND_PDF, ...OFFICE], keepsOne: true },
  contract_scan: { zh: '合同扫描件', en: 'contract scan', contentTypes: IMAGES_AND_PDF, keepsOne: true },
  bank_slip: { zh: '银行回单', en: 'bank slip', contentTypes: IMAGES_AND_PDF, keepsOne: true },
  other: { zh: '其他附件', en: 'other file', contentTypes: [...IMAGES_AND_PDF, ...OFFICE], keepsOne: false },
};

export function isFileKind(value: string): value is FileKind {
  return (FILE_KINDS as readonly string[]).includes(value);
}
