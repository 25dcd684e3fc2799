// Commissions (提成): the Knex repository and the order-people query, the listener the collections area tells
// when a receipt is confirmed or reversed (lines recorded in that transaction), the statement's approval
// business type ('commission_statement'), and the scheme, statement and running-figure use cases.
import { ContainerModule } from 'inversify';
import { Clock, IdGenerator, UnitOfWork } from '../../../core/shared/ports.js';
import { OrganisationRepository } from '../../../core/organisation/ports.js';
import type { ApprovalService } from '../../../core/approvals/approval.service.js';
import { ApprovalSubjectContribution } from '../../../core/approvals/subjects.js';
import { ReceiptSettlementListener } from '../../../core/collections/ports.js';
import { CommissionRepository, OrderPeopleQuery } from '../../../core/commissions/ports.js';
import type { CommissionsDeps } from '../../../core/commissions/commissions-deps.js';
import { ReceiptCommissions } from '../../../core/commissions/receipt-commissions.js';
import { SchemeService } from '../../../core/commissions/scheme.service.js';
import { StatementService } from '../../../core/commissions/statement.service.js';
import { StatementSubject } from '../../../core/commissions/statement-subject.js';
import { RunningService } from '../../../core/commissions/running.service.js';
import { StatementPdfRenderer } from '../../../core/commissions/statement-export.js';
import { LazyPdfRenderer } from '../../pdf/lazy-pdf-renderer.js';
import { KnexCommissionRepository } from '../../knex/repositories/knex-commission.repository.js';
import { KnexOrderPeopleQuery } from '../../knex/repositories/knex-order-people.queries.js';
import { defineArea } from '../area.js';
import { CommissionRunningServiceToken, CommissionSchemeServiceToken, CommissionStatementServiceToken, CommissionsDepsToken } from './commissions.tokens.js';
import { ApprovalServiceToken } from './approvals.tokens.js';

const module = new ContainerModule(({ bind }) => {
  bind<CommissionRepository>(CommissionRepository).toConstantValue(new KnexCommissionRepository());
  bind<OrderPeopleQuery>(OrderPeopleQuery).toConstantValue(new KnexOrderPeopleQuery());
  bind<CommissionsDeps>(CommissionsDepsToken)
    .toResolvedValue(
      (uow: UnitOfWork, commissions: CommissionRepository, people: OrderPeopleQuery, org: OrganisationRepository, clock: Clock, ids: IdGenerator) =>
        ({ uow, commissions, people, org, clock, ids }),
      [UnitOfWork, CommissionRepository, OrderPeopleQuery, OrganisationRepository, Clock, IdGenerator],
    )
    .inSingletonScope();

  // 计提 / 冲回 in the transaction that confirms or reverses a receipt.
  bind<ReceiptSettlementListener>(ReceiptSettlementListener).toResolvedValue((d: CommissionsDeps) => new ReceiptCommissions(d), [CommissionsDepsToken]).inSingletonScope();
  // 提成月结单 in the approval engine: submission redraws and submits it, the outcome approves or sends it back.
  bind<ApprovalSubjectContribution>(ApprovalSubjectContribution)
    .toResolvedValue((d: CommissionsDeps) => ({ businessType: 'commission_statement', subject: new StatementSubject(d) }), [CommissionsDepsToken])
    .inSingletonScope();

  bind<SchemeService>(CommissionSchemeServiceToken).toResolvedValue((d: CommissionsDeps) => new SchemeService(d), [CommissionsDepsToken]).inSingletonScope();
  bind<StatementService>(CommissionStatementServiceToken)
    .toResolvedValue(
      (d: CommissionsDeps, approvals: ApprovalService, pdf: StatementPdfRenderer) => new StatementService({ ...d, approvals, pdf }),
      [CommissionsDepsToken, ApprovalServiceToken, StatementPdfRenderer],
    )
    .inSingletonScope();
  // The statement's PDF with the documents area's renderer (its font parsed once, on first use).
  bind<StatementPdfRenderer>(StatementPdfRenderer).toResolvedValue((r: LazyPdfRenderer) => r, [LazyPdfRenderer]).inSingletonScope();
  bind<RunningService>(CommissionRunningServiceToken).toResolvedValue((d: CommissionsDeps) => new RunningService(d), [CommissionsDepsToken]).inSingletonScope();
});

export const commissionsArea = defineArea({
  name: 'commissions',
  module,
  facade: {
    /** 提成方案: the firm's scheme in versions (add the next, withdraw one not yet in force). */
    commissionSchemes: CommissionSchemeServiceToken,
    /** 提成月结单: draw up per person or department, adjust, submit to approval, lock. */
    commissionStatements: CommissionStatementServiceToken,
    /** 本月提成: a person's running figure and the running rows a data scope sees. */
    commissionRunning: CommissionRunningServiceToken,
  },
});
