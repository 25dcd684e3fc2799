// Files of records: the Knex repository, the store (local folder, S3-compatible or PostgreSQL), the registry of subject access checks
// (each area contributes one for its subject type), the FilesService and its routes.
import { ContainerModule } from 'inversify';
import { Clock, EventSink, IdGenerator, Timeline, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import { FileRepository, FileStore, SubjectAccess, SubjectAccessContribution } from '../../../core/files/ports.js';
import { SubjectAccessRegistry } from '../../../core/files/subject-access-registry.js';
import { FilesService } from '../../../core/files/files.service.js';
import { KnexFileRepository } from '../../knex/repositories/knex-file.repository.js';
import { openFileStore } from '../../files/file-store-config.js';
import type { MovableFileStore } from '../../files/movable-file-store.js';
import type { Database } from '../../knex/database.js';
import { CommandContribution, defineArea } from '../area.js';
import { Config, Db } from '../tokens.js';
import { filesCommand } from './files.commands.js';
import type { CrmConfig } from '../config.js';
import { FilesServiceToken, SubjectAccessRegistryToken } from './files.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<FileRepository>(FileRepository).toConstantValue(new KnexFileRepository());
  bind<FileStore>(FileStore)
    .toResolvedValue((c: CrmConfig, ids: IdGenerator, db: Database) => openFileStore(c.files ?? { kind: 'local' }, { filesDir: c.filesDir, knex: db.knex, ids }), [Config, IdGenerator, Db])
    .inSingletonScope();
  bind<SubjectAccessRegistry>(SubjectAccessRegistryToken)
    .toResolvedValue(
      (contributions: SubjectAccessContribution[] | undefined) => new SubjectAccessRegistry(contributions ?? []),
      [{ serviceIdentifier: SubjectAccessContribution, isMultiple: true, optional: true }],
    )
    .inSingletonScope();
  bind<SubjectAccess>(SubjectAccess).toService(SubjectAccessRegistryToken);
  bind<FilesService>(FilesServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, files: FileRepository, store: FileStore, access: SubjectAccess, tenants: OrganisationRepository, timeline: Timeline, events: EventSink, clock: Clock, ids: IdGenerator) =>
        new FilesService({ uow, files, store, access, tenants, timeline, events, clock, ids }),
      [UnitOfWork, FileRepository, FileStore, SubjectAccess, OrganisationRepository, Timeline, EventSink, Clock, IdGenerator],
    )
    .inSingletonScope();
  bind<CommandContribution>(CommandContribution).toDynamicValue((ctx) => filesCommand(() => ({
    store: ctx.get<FileStore>(FileStore) as MovableFileStore, database: ctx.get<Database>(Db), config: ctx.get<CrmConfig>(Config), ids: ctx.get<IdGenerator>(IdGenerator),
  })));
});

export const filesArea = defineArea({ name: 'files', module, facade: { files: FilesServiceToken } });
