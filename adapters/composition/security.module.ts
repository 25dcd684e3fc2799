// Encryption of sensitive fields and the audit log of their unmasked reads.
import { ContainerModule } from 'inversify';
import { Clock, IdGenerator } from '../../core/shared/ports.js';
import { Cipher, SensitiveReadLog } from '../../core/security/ports.js';
import { AesGcmCipher } from '../security/aes-gcm-cipher.js';
import { KnexSensitiveReadLog } from '../knex/repositories/knex-sensitive-read-log.js';
import { Config } from './tokens.js';
import type { CrmConfig } from './config.js';

export const securityModule = new ContainerModule(({ bind }) => {
  bind<Cipher>(Cipher).toResolvedValue((c: CrmConfig) => AesGcmCipher.fromConfig(c.secret, c.encryption), [Config]).inSingletonScope();
  bind<SensitiveReadLog>(SensitiveReadLog)
    .toResolvedValue((clock: Clock, ids: IdGenerator) => new KnexSensitiveReadLog(clock, ids), [Clock, IdGenerator])
    .inSingletonScope();
});
