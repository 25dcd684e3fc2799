// The files area's expected failures, each with a stable code and a message a person can act on.
import { DomainError, domainError } from '../shared/index.js';
import { CONTENT_TYPE_LABELS, type ContentType } from './content-type.js';
import type { FileKindPolicy } from './file-kinds.js';
import { formatBytes } from './upload-limit.js';

/** The upload passed the size limit (HTTP 413); nothing was kept. */
export function fileTooLarge(maxBytes: number): DomainError {
  const limit = formatBytes(maxBytes);
  return domainError('file.too_large', 'invalid', `文件超过 ${limit} 的上限，请压缩后重新上传`, `The file is larger than the ${limit} limit; compress it and upload again`, { maxBytes });
}

/** The bytes are not one of the allowed types (whatever the file's name says). */
export function unsupportedFileType(allowed: readonly ContentType[], kind?: { readonly name: string; readonly policy: FileKindPolicy }): DomainError {
  const labels = allowed.map((t) => CONTENT_TYPE_LABELS[t]);
  const zhWhat = kind ? kind.policy.zh : '此处';
  const enWhat = kind ? `A file for the ${kind.policy.en}` : 'This upload';
  return domainError(
    'file.unsupported_type',
    'invalid',
    `${zhWhat}只能上传 ${labels.join('、')} 文件（按文件内容识别，与文件名无关）`,
    `${enWhat} must be one of ${labels.join(', ')} (recognised from the content, not the name)`,
    { allowed: [...allowed], ...(kind ? { kind: kind.name } : {}) },
  );
}

export function emptyFile(): DomainError {
  return domainError('file.empty', 'invalid', '文件是空的', 'The file is empty');
}

export function unknownFileKind(kind: string, allowed: readonly string[]): DomainError {
  return domainError('file.unknown_kind', 'invalid', `不认识的文件类别：${kind}`, `Unknown file kind: ${kind}`, { kind, allowed: [...allowed] });
}

export function unknownSubjectType(subjectType: string): DomainError {
  return domainError('file.unknown_subject_type', 'invalid', `文件不能挂在此类记录上：${subjectType}`, `Files cannot belong to records of type ${subjectType}`, { subjectType });
}

export function concurrentUpload(): DomainError {
  return domainError('file.concurrent_upload', 'conflict', '同时有人上传了同类文件，请刷新后重试', 'Someone uploaded a file of this kind at the same moment; reload and try again');
}
