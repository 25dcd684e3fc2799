// core/files: attachments (附件) — their kinds and limits, the content types we accept (sniffed, not trusted),
// the store and repository ports, who may reach a file through its subject, and the files use case.
export { CONTENT_TYPES, CONTENT_TYPE_LABELS, sniffContentType, type ContentType } from './content-type.js';
export * from './file-kinds.js';
export * from './file-name.js';
export * from './upload-limit.js';
export * from './types.js';
export * from './ports.js';
export * from './errors.js';
export { SubjectAccessRegistry } from './subject-access-registry.js';
export { FilesService, type FilesDeps, type NewUpload, type FileDownload } from './files.service.js';
