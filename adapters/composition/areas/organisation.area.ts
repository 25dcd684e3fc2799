// Organisation and login: Knex repositories, Node crypto, the two use case services, their routes (auth,
// users, departments, roles, the firm) and `yunzhou tenant create`.
import { ContainerModule } from 'inversify';
import { DocumentCharset } from '../../../core/shared/document-charset.js';
import { OperationLog } from '../../../core/audit/ports.js';
import { Clock, IdGenerator, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository, PasswordHasher, TokenDigest, TokenRepository } from '../../../core/organisation/ports.js';
import { AuthService } from '../../../core/organisation/auth.service.js';
import { OrganisationService } from '../../../core/organisation/organisation.service.js';
import { KnexOrganisationRepository } from '../../knex/repositories/knex-organisation.repository.js';
import { KnexTokenRepository } from '../../knex/repositories/knex-token.repository.js';
import { HmacTokenDigest, ScryptPasswordHasher } from '../../system/node-crypto.js';
import { CommandContribution, defineArea } from '../area.js';
import { Config } from '../tokens.js';
import type { CrmConfig } from '../config.js';
import { AuthServiceToken, OrganisationServiceToken } from './organisation.tokens.js';
import { tenantCommand } from './organisation.commands.js';

const module = new ContainerModule(({ bind }) => {
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

  bind<CommandContribution>(CommandContribution).toDynamicValue((ctx) => tenantCommand(() => ctx.get(OrganisationServiceToken)));
});

export const organisationArea = defineArea({
  name: 'organisation',
  module,
  facade: { auth: AuthServiceToken, organisation: OrganisationServiceToken },
});
