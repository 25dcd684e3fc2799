// Organisation and login: Knex repositories, Node crypto, and the two use case services.
import { DocumentCharset } from '../../core/shared/document-charset.js';
import { ContainerModule } from 'inversify';
import { Clock, IdGenerator, UnitOfWork } from '../../core/shared/ports.js';
import { OrganisationRepository, PasswordHasher, TokenDigest, TokenRepository } from '../../core/organisation/ports.js';
import { AuthService } from '../../core/organisation/auth.service.js';
import { OrganisationService } from '../../core/organisation/organisation.service.js';
import { KnexOrganisationRepository } from '../knex/repositories/knex-organisation.repository.js';
import { KnexTokenRepository } from '../knex/repositories/knex-token.repository.js';
import { HmacTokenDigest, ScryptPasswordHasher } from '../system/node-crypto.js';
import { AuthServiceToken, Config, OrganisationServiceToken } from './tokens.js';
import { OperationLog } from '../../core/audit/ports.js';
import type { CrmConfig } from './config.js';

export const organisationModule = new ContainerModule(({ bind }) => {
  bind<OrganisationRepository>(OrganisationRepository).toConstantValue(new KnexOrganisationRepository());
  bind<TokenRepository>(TokenRepository).toConstantValue(new KnexTokenRepository());
  bind<PasswordHasher>(PasswordHasher).toConstantValue(new ScryptPasswordHasher());
  bind<TokenDigest>(TokenDigest).toResolvedValue((c: CrmConfig) => new HmacTokenDigest(`token:${c.secret}`), [Config]).inSingletonScope();
  bind<AuthService>(AuthServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, org: OrganisationRepository, tokens: TokenRepository, hasher: PasswordHasher, digest: TokenDigest, clock: Clock, ids: IdGenerator, c: CrmConfig, operations: OperationLog) =>
        new AuthService({ uow, org, tokens, hasher, digest, clock, ids, tokenTtlMinutes: c.tokenTtlMinutes, operations }),
      [UnitOfWork, OrganisationRepository, TokenRepository, PasswordHasher, TokenDigest, Clock, IdGenerator, Config, OperationLog],
    )
    .inSingletonScope();
  bind<OrganisationService>(OrganisationServiceToken)
    .toResolvedValue(
      (uow: UnitOfWork, org: OrganisationRepository, tokens: TokenRepository, hasher: PasswordHasher, clock: Clock, ids: IdGenerator, charset: DocumentCharset, operations: OperationLog) =>
        new OrganisationService({ uow, org, tokens, hasher, clock, ids, charset, operations }),
      [UnitOfWork, OrganisationRepository, TokenRepository, PasswordHasher, Clock, IdGenerator, DocumentCharset, OperationLog],
    )
    .inSingletonScope();
});
