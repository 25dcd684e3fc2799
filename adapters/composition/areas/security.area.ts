// Security and the PIPL audit: encryption of sensitive fields, the log of their unmasked reads, the operation
// log, and the audit trail's use case and routes.
import { ContainerModule } from 'inversify';
import { Clock, IdGenerator, UnitOfWork } from '../../../core/shared/ports.js';
import { AuditQueries, AuditService, OperationLog } from '../../../core/audit/index.js';
import { SpreadsheetWriter } from '../../../core/documents/spreadsheet.js';
import { Cipher, SensitiveReadLog } from '../../../core/security/ports.js';
import { KnexAuditQueries, KnexOperationLog } from '../../knex/repositories/knex-audit-log.js';
import { AesGcmCipher } from '../../security/aes-gcm-cipher.js';
import { KnexSensitiveReadLog } from '../../knex/repositories/knex-sensitive-read-log.js';
import { defineArea } from '../area.js';
import { Config } from '../tokens.js';
import type { CrmConfig } from '../config.js';
import { AuditServiceToken } from './security.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<Cipher>(Cipher).toResolvedValue((c: CrmConfig) => AesGcmCipher.fromConfig(c.secret, c.encryption), [Config]).inSingletonScope();
  bind<SensitiveReadLog>(SensitiveReadLog)
    .toResolvedValue((clock: Clock, ids: IdGenerator) => new KnexSensitiveReadLog(clock, ids), [Clock, IdGenerator])
    .inSingletonScope();
  bind<OperationLog>(OperationLog).toResolvedValue((clock: Clock, ids: IdGenerator) => new KnexOperationLog(clock, ids), [Clock, IdGenerator]).inSingletonScope();
  bind<AuditQueries>(AuditQueries).toConstantValue(new KnexAuditQueries());
  bind<AuditService>(AuditServiceToken)
    .toResolvedValue((uow: UnitOfWork, queries: AuditQueries, spreadsheets: SpreadsheetWriter) => new AuditService({ uow, queries, spreadsheets }), [UnitOfWork, AuditQueries, SpreadsheetWriter])
    .inSingletonScope();
});

export const securityArea = defineArea({
  name: 'security',
  module,
  /** The PIPL audit trail: the operation log and the sensitive-read log (audit.view). */
  facade: { audit: AuditServiceToken },
});
