import { token } from '../area.js';
import type { FilesService } from '../../../core/files/files.service.js';
import type { SubjectAccessRegistry } from '../../../core/files/subject-access-registry.js';

export const FilesServiceToken = token<FilesService>('FilesService');
/** The SubjectAccessRegistry, for a host or test that registers a subject type after start. */
export const SubjectAccessRegistryToken = token<SubjectAccessRegistry>('SubjectAccessRegistry');
